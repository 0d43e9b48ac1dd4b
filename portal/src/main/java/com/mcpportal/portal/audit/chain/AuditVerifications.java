package com.mcpportal.portal.audit.chain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.mcpportal.portal.audit.AuditCriteria;
import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.audit.AuditLog;
import com.mcpportal.portal.audit.AuditOutcome;
import com.mcpportal.portal.audit.RequestMetadata;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the chain verification (from the admin page or the daily job), keeps each result in the history table and
 * in the audit log, and feeds the last intact result back in as the next run's anchor.
 */
@Service
public class AuditVerifications {

    private static final int MAX_PROBLEM = 500;

    private final AuditChainVerifier verifier;
    private final AuditLog auditLog;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    AuditVerifications(AuditChainVerifier verifier, AuditLog auditLog, JdbcTemplate jdbc,
                       PlatformTransactionManager transactions, Clock clock) {
        this.verifier = verifier;
        this.auditLog = auditLog;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Verifies the chain and records the result.
     *
     * @param actor who asked: null for the signed-in user, or {@link AuditEntry#SCHEDULER} for the job
     */
    public AuditVerificationRun run(@Nullable String actor) {
        String triggeredBy = actor != null ? actor : AuditLog.currentActor();
        Instant started = clock.instant();
        // The walk runs in its own read-only transaction and holds no lock: the log keeps growing meanwhile.
        AuditChainReport report = verifier.verify(lastAnchor().orElse(null));
        Instant finished = clock.instant();
        return transaction.execute(status -> {
            long id = Objects.requireNonNull(jdbc.queryForObject("""
                    INSERT INTO audit_verification (started_at, finished_at, triggered_by, intact, checked, first_id,
                        last_intact_id, last_intact_hash, broken_at_id, problem, changed_field, expected_hash,
                        stored_hash, checkpoint_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
                    """, Long.class, AuditCriteria.timestamp(started), AuditCriteria.timestamp(finished), triggeredBy,
                    report.intact(), report.checked(), report.firstId(), report.lastIntactId(), report.lastIntactHash(),
                    report.brokenAtId(), RequestMetadata.truncate(report.problem(), MAX_PROBLEM), report.field(),
                    report.expectedHash(), report.storedHash(), report.checkpointId()),
                    "INSERT … RETURNING id gave no id");
            auditLog.record(AuditEntry.success("audit.chain.verified").actor(triggeredBy)
                    .outcome(report.intact() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE)
                    .target("audit-verification", id).detail("checked", report.checked())
                    .detail("lastIntactId", report.lastIntactId()).detail("brokenAt", report.brokenAtId())
                    .detail("summary", report.summary()));
            return new AuditVerificationRun(id, started, finished, triggeredBy, report);
        });
    }

    /** The latest runs, newest first. */
    public List<AuditVerificationRun> history(int limit) {
        return jdbc.query("SELECT * FROM audit_verification ORDER BY id DESC LIMIT ?", (rs, n) -> map(rs), limit);
    }

    private Optional<ChainAnchor> lastAnchor() {
        return jdbc.query("""
                SELECT last_intact_id, last_intact_hash, finished_at FROM audit_verification
                WHERE intact AND last_intact_id IS NOT NULL ORDER BY id DESC LIMIT 1
                """, (rs, n) -> new ChainAnchor(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .stream().findFirst();
    }

    private static AuditVerificationRun map(ResultSet rs) throws SQLException {
        AuditChainReport report = new AuditChainReport(rs.getBoolean("intact"), rs.getLong("checked"),
                rs.getObject("first_id", Long.class), rs.getObject("last_intact_id", Long.class),
                rs.getString("last_intact_hash"), rs.getObject("broken_at_id", Long.class), rs.getString("problem"),
                rs.getString("changed_field"), rs.getString("expected_hash"), rs.getString("stored_hash"),
                rs.getObject("checkpoint_id", Long.class));
        return new AuditVerificationRun(rs.getLong("id"), rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("finished_at").toInstant(), rs.getString("triggered_by"), report);
    }
}
