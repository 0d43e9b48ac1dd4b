package com.mcpportal.portal.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import com.mcpportal.portal.audit.chain.AuditChainReport;
import com.mcpportal.portal.audit.chain.AuditChainVerifier;
import com.mcpportal.portal.audit.chain.ChainCheckpoint;
import com.mcpportal.portal.audit.export.AuditExporter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes events older than the retention setting, oldest first, in batches. Each batch is verified, archived to
 * a JSON Lines file (written in full and synced before anything is deleted), then deleted by the database
 * function {@code audit_prune}, which leaves a checkpoint; an {@code audit.pruned} event in the same transaction
 * confirms that checkpoint inside the chain.
 */
@Service
public class AuditPruner {

    private static final Logger log = LoggerFactory.getLogger(AuditPruner.class);

    /** Serialises pruners across portal instances (the button and the job could meet). */
    private static final long PRUNE_LOCK = 0x4155444950L; // "AUDIP"

    private final JdbcTemplate jdbc;
    private final AuditRetention retention;
    private final AuditChainVerifier verifier;
    private final AuditExporter exporter;
    private final AuditLog auditLog;
    private final AuditSettings settings;
    private final TransactionTemplate transaction;
    private final Clock clock;

    AuditPruner(JdbcTemplate jdbc, AuditRetention retention, AuditChainVerifier verifier, AuditExporter exporter,
                AuditLog auditLog, AuditSettings settings, PlatformTransactionManager transactions,
                Clock clock) {
        this.jdbc = jdbc;
        this.retention = retention;
        this.verifier = verifier;
        this.exporter = exporter;
        this.auditLog = auditLog;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * What one pruning run did.
     *
     * @param pruned  events removed
     * @param batches batches (archive files, checkpoints)
     * @param problem why it stopped early, or null
     */
    public record Result(long pruned, int batches, String problem) {

        public String summary() {
            String done = pruned == 0 ? "Nothing to prune." : "Pruned " + pruned + " events in " + batches
                    + (batches == 1 ? " batch" : " batches") + " (archived first).";
            return problem == null ? done : done + " Stopped: " + problem;
        }
    }

    /**
     * Prunes everything the retention setting no longer keeps.
     *
     * @param actor who asked: null for the signed-in user, {@link AuditEntry#SCHEDULER} for the job
     */
    public Result prune(String actor) {
        String by = actor != null ? actor : AuditLog.currentActor();
        Integer days = retention.setting().days();
        if (days == null) {
            return new Result(0, 0, null);
        }
        Instant cutoff = clock.instant().minus(Duration.ofDays(days));
        long pruned = 0;
        int batches = 0;
        Optional<Batch> next;
        while ((next = nextBatch(cutoff)).isPresent()) {
            Batch batch = next.get();
            String problem = pruneBatch(batch, days, cutoff, by);
            if (problem != null) {
                auditLog.record(AuditEntry.failure("audit.pruned").actor(by).detail("throughId", batch.throughId())
                        .detail("problem", problem));
                return new Result(pruned, batches, problem);
            }
            pruned += batch.count();
            batches++;
        }
        return new Result(pruned, batches, null);
    }

    /** The oldest events up to the batch size that are all older than the cutoff: a prefix of the chain. */
    private Optional<Batch> nextBatch(Instant cutoff) {
        long afterId = verifier.latestCheckpoint().map(ChainCheckpoint::throughId).orElse(0L);
        return jdbc.query("""
                SELECT min(id) OVER () AS first_id, id, hash, count(*) OVER (ORDER BY id) AS n
                FROM (SELECT id, hash, bool_and(occurred_at < ?) OVER (ORDER BY id) AS old
                      FROM (SELECT id, hash, occurred_at FROM audit_event ORDER BY id LIMIT ?) head) w
                WHERE old ORDER BY id DESC LIMIT 1
                """, (rs, n) -> new Batch(afterId, rs.getLong("first_id"), rs.getLong("id"), rs.getString("hash"),
                rs.getLong("n")), AuditCriteria.timestamp(cutoff), settings.pruneBatchSize()).stream().findFirst();
    }

    private String pruneBatch(Batch batch, int days, Instant cutoff, String by) {
        AuditChainReport report = verifier.verifyThrough(batch.throughId());
        if (!report.intact()) {
            return "the events to prune do not verify, so they are kept as evidence. " + report.summary();
        }
        Path file;
        String sha256;
        try {
            Path dir = settings.archiveDir().toAbsolutePath().normalize();
            Files.createDirectories(dir);
            file = dir.resolve("audit-" + batch.firstId() + "-" + batch.throughId() + ".jsonl");
            Path partial = Files.createTempFile(dir, file.getFileName().toString(), ".partial");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long written;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(partial), digest)) {
                written = exporter.exportRange(batch.afterId(), batch.throughId(), AuditScope.everything(Map.of()), out);
            }
            if (written != batch.count()) {
                Files.deleteIfExists(partial);
                return "the archive has " + written + " events but " + batch.count() + " were expected";
            }
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                channel.force(true); // on disk before the rows go
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            sha256 = HexFormat.of().formatHex(digest.digest());
        }
        catch (IOException | UncheckedIOException ex) {
            log.warn("Could not write the audit archive to {}", settings.archiveDir(), ex);
            return "could not write the archive to " + settings.archiveDir() + ": " + ex.getMessage();
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every Java runtime has SHA-256", ex);
        }
        try {
            return transaction.execute(status -> delete(batch, file.toString(), sha256, days, cutoff, by, status));
        }
        catch (DataAccessException | IllegalStateException ex) {
            log.warn("Pruning the audit log through event {} failed", batch.throughId(), ex);
            return "the database refused to prune: " + NestedExceptionUtils.getMostSpecificCause(ex).getMessage();
        }
    }

    private String delete(Batch batch, String archive, String sha256, int days, Instant cutoff, String by,
                          TransactionStatus status) {
        jdbc.query("SELECT pg_advisory_xact_lock(?)", rs -> null, PRUNE_LOCK);
        long afterId = verifier.latestCheckpoint().map(ChainCheckpoint::throughId).orElse(0L);
        if (afterId != batch.afterId()) {
            status.setRollbackOnly();
            return "another portal instance pruned at the same time";
        }
        auditLog.record(AuditEntry.success("audit.pruned").actor(by).target("audit-checkpoint", batch.throughId())
                .detail("throughId", batch.throughId()).detail("throughHash", batch.throughHash())
                .detail("count", batch.count()).detail("archiveFile", archive).detail("archiveSha256", sha256)
                .detail("retentionDays", days).detail("cutoff", cutoff.toString()));
        Long deleted = jdbc.queryForObject("SELECT audit_prune(?, ?, ?, ?, ?)", Long.class, batch.throughId(),
                batch.throughHash(), archive, sha256, by);
        if (deleted == null || deleted != batch.count()) {
            throw new IllegalStateException("audit_prune removed " + deleted + " events, the archive holds "
                    + batch.count());
        }
        return null;
    }

    /** A prefix of the chain to prune: events after {@code afterId} through {@code throughId}. */
    private record Batch(long afterId, long firstId, long throughId, String throughHash, long count) {
    }
}
