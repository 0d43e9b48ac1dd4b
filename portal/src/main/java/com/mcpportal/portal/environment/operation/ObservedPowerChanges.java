package com.mcpportal.portal.environment.operation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.audit.AuditLog;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a start or stop the cloud made by itself (the hours kept in AWS) as an operation that has already
 * succeeded: no step runs, nothing is asked of the cloud, the environment's power follows, and the audit log says
 * {@code environment.start.observed} (or stop) with the actor ({@code aws-scheduler}) and why. It decides under the
 * environment's row lock exactly as {@link PowerBatch} does, so an edge trigger and the reconcile pass (on any
 * instance) seeing the same change record it once, and never next to a start or stop the portal asked for.
 */
@Component
class ObservedPowerChanges {

    private static final String INSERT = """
            INSERT INTO operation (environment_id, kind, state, requested_by, reason, created_at, started_at,
                finished_at, runs)
            VALUES (?, ?, 'SUCCEEDED', ?, ?, ?, ?, ?, 0)
            RETURNING id""";

    private static final String POWER = """
            UPDATE environment SET power = ?, updated_at = ?, version = version + 1 WHERE id = ?""";

    private final JdbcTemplate jdbc;
    private final AuditLog auditLog;
    private final Clock clock;

    ObservedPowerChanges(JdbcTemplate jdbc, AuditLog auditLog, Clock clock) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Transactional
    public PowerBatch.Outcome record(PowerBatch.Change change) {
        Long[] ids = {change.environmentId()};
        PowerBatch.Locked[] environment = new PowerBatch.Locked[1];
        jdbc.query(PowerBatch.LOCK, ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", ids)), rs -> {
            environment[0] = new PowerBatch.Locked(rs.getLong("team_id"), rs.getString("name"), rs.getString("state"),
                    rs.getString("power"));
        });
        PowerBatch.Latest[] latest = new PowerBatch.Latest[1];
        jdbc.query(PowerBatch.LATEST, ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", ids)), rs -> {
            latest[0] = new PowerBatch.Latest(rs.getLong("id"), rs.getString("state"));
        });
        PowerBatch.Outcome outcome = PowerBatch.decide(change, environment[0], latest[0]);
        if (outcome != PowerBatch.Outcome.ENQUEUED) {
            return outcome;
        }
        Instant now = clock.instant();
        Timestamp at = Timestamp.from(now);
        String reason = change.actor().reason() == null ? null : Operation.truncate(change.actor().reason(), 300);
        long operationId = jdbc.queryForObject(INSERT, Long.class, change.environmentId(), change.kind().name(),
                change.actor().name(), reason, at, at, at);
        jdbc.update(POWER, change.kind().powerAfter(null).name(), at, change.environmentId());
        auditLog.record(OperationOutcomes.entry(AuditEntry.success("environment." + change.kind().verb()
                + ".observed"), operationId, reason, change.actor().name(), change.environmentId(),
                environment[0].teamId(), environment[0].name()));
        return outcome;
    }
}
