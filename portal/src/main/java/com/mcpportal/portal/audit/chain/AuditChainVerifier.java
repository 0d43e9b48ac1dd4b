package com.mcpportal.portal.audit.chain;

import java.util.Objects;
import java.util.Optional;

import com.mcpportal.portal.audit.AuditRows;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks the audit chain from its start (the genesis hash, or the last pruning checkpoint) and reports where, if
 * anywhere, it is broken. Rows stream through a server-side cursor, so memory stays constant at any length.
 */
@Service
public class AuditChainVerifier {

    private final JdbcTemplate jdbc;

    public AuditChainVerifier(JdbcTemplate jdbc) {
        // A separate template so the fetch size (streaming instead of loading every row) stays local to us.
        this.jdbc = new JdbcTemplate(
                Objects.requireNonNull(jdbc.getDataSource(), "a JdbcTemplate without a DataSource"));
        this.jdbc.setFetchSize(1000);
    }

    /** Verifies the whole log. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public AuditChainReport verify() {
        return verify(null);
    }

    /**
     * Verifies the whole log and that {@code anchor}, an event an earlier run found intact, is still there
     * unchanged. Runs in one snapshot, so the checkpoint and the events agree even while pruning commits.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public AuditChainReport verify(@Nullable ChainAnchor anchor) {
        return walk(new ChainWalker(latestCheckpoint().orElse(null), anchor), Long.MAX_VALUE, true);
    }

    /** Verifies the chain from its start up to and including event {@code lastId} (what pruning would remove). */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public AuditChainReport verifyThrough(long lastId) {
        return walk(new ChainWalker(latestCheckpoint().orElse(null), null), lastId, false);
    }

    public Optional<ChainCheckpoint> latestCheckpoint() {
        return jdbc.query("SELECT through_id, through_hash FROM audit_checkpoint ORDER BY through_id DESC LIMIT 1",
                (rs, n) -> new ChainCheckpoint(rs.getLong(1), rs.getString(2))).stream().findFirst();
    }

    private AuditChainReport walk(ChainWalker walker, long lastId, boolean wholeLog) {
        try {
            jdbc.query("SELECT " + AuditRows.COLUMNS + " FROM audit_event WHERE id <= ? ORDER BY id", rs -> {
                if (!walker.accept(AuditRows.map(rs))) {
                    throw new VerdictReached();
                }
            }, lastId);
        }
        catch (VerdictReached done) {
            // the rest of the log cannot change the verdict; stop reading it
        }
        return walker.finish(wholeLog);
    }

    /** Ends the row stream early; carries no stack trace because it is not an error. */
    private static final class VerdictReached extends RuntimeException {

        VerdictReached() {
            super(null, null, false, false);
        }
    }
}
