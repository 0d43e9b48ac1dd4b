package com.mcpportal.portal.audit;

import java.time.Instant;
import java.util.List;

import com.mcpportal.portal.web.InvalidInputException;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The administrator's retention setting (default: keep forever) and the checkpoints pruning left. */
@Service
public class AuditRetention {

    static final int MAX_DAYS = 36_500;

    private final JdbcTemplate jdbc;
    private final AuditLog auditLog;

    AuditRetention(JdbcTemplate jdbc, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
    }

    /**
     * The current setting.
     *
     * @param days      days to keep events, or null to keep them forever
     * @param updatedAt when it was last changed, or null if never
     * @param updatedBy by whom
     */
    public record Setting(Integer days, Instant updatedAt, String updatedBy) {
    }

    /**
     * One pruning step.
     *
     * @param throughId     the last pruned event
     * @param throughHash   its hash, which the first remaining event links to
     * @param count         how many events were pruned
     * @param archiveFile   the JSON Lines file they were archived to
     * @param archiveSha256 that file's SHA-256
     */
    record Checkpoint(long throughId, String throughHash, long count, String archiveFile, String archiveSha256,
                      Instant prunedAt, String prunedBy) {
    }

    @Transactional(readOnly = true)
    public Setting setting() {
        return jdbc.queryForObject("SELECT retention_days, updated_at, updated_by FROM audit_settings WHERE id = 1",
                (rs, n) -> new Setting(rs.getObject(1, Integer.class),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant(), rs.getString(3)));
    }

    /** Changes the setting ({@code null}: keep forever) and records who did it. */
    @Transactional
    public void change(Integer days) {
        if (days != null && (days < 1 || days > MAX_DAYS)) {
            throw new InvalidInputException("retentionDays", "Between 1 and " + MAX_DAYS + " days, or empty to keep forever.");
        }
        Integer before = setting().days();
        String actor = AuditLog.currentActor();
        jdbc.update("UPDATE audit_settings SET retention_days = ?, updated_at = now(), updated_by = ? WHERE id = 1",
                days, actor);
        auditLog.record(AuditEntry.success("audit.retention.changed").target("audit-settings", "retention")
                .detail("from", before == null ? "forever" : before + " days")
                .detail("to", days == null ? "forever" : days + " days"));
    }

    @Transactional(readOnly = true)
    public List<Checkpoint> checkpoints(int limit) {
        return jdbc.query("""
                SELECT through_id, through_hash, pruned_count, archive_file, archive_sha256, pruned_at, pruned_by
                FROM audit_checkpoint ORDER BY through_id DESC LIMIT ?
                """, (rs, n) -> new Checkpoint(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7)), limit);
    }
}
