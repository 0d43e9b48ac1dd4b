package com.mcpportal.portal.environment.operation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.audit.AuditLog;
import com.mcpportal.portal.environment.EnvironmentState;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts and stops many ready environments in one transaction with a constant number of statements: what the
 * scheduler needs when thousands of environments share an edge (every team's 08:00). The rows it writes are the
 * ones {@link EnvironmentOperations#requestStart} writes one environment at a time: the operation with its steps,
 * the environment's {@code updated_at} and version, the {@code environment.start.requested} (or stop) audit event,
 * and the Quartz job after the commit. It locks the environments (in id order, so two batches cannot deadlock)
 * and asks only for those still due, so a batch racing an edge trigger or another instance never doubles an
 * operation and never writes a refusal.
 */
@Component
public class PowerBatch {

    /** One start or stop to ask for. */
    public record Change(long environmentId, OperationKind kind, Actor actor, Long seenOperationId) {

        public Change {
            if (kind != OperationKind.START && kind != OperationKind.STOP) {
                throw new IllegalArgumentException("A power batch starts or stops; not " + kind);
            }
            Objects.requireNonNull(actor, "actor");
        }
    }

    /** What became of one change. */
    public enum Outcome {
        /** Asked for: the operation and its job are stored (the job once the transaction commits). */
        ENQUEUED,
        /** Not ready (any more): a draft, failed, being provisioned or deleted. */
        NOT_READY,
        /** Its power is already what the change leads to. */
        ALREADY,
        /** Another operation is queued or running. */
        BUSY,
        /** Its latest operation is no longer the one the caller decided on: someone acted meanwhile. */
        CHANGED
    }

    static final String LOCK = """
            SELECT id, team_id, name, state, power FROM environment WHERE id = ANY(?) ORDER BY id FOR UPDATE""";

    /**
     * The operations the scheduler decides on, as a condition on {@code operation}'s columns: every one but those
     * that keep the power ({@link OperationKind#keepsPower()}) once they have ended. A NAT patch between a person's
     * "Stop now" and the schedule's next edge must not end the hold that stop has until then, and the reconciler
     * judges holds by the latest operation it sees.
     */
    public static final String SCHEDULER_SEES = "(state IN ('QUEUED', 'RUNNING') OR kind NOT IN ("
            + Arrays.stream(OperationKind.values()).filter(OperationKind::keepsPower).map(k -> "'" + k.name() + "'")
                    .collect(Collectors.joining(", ")) + "))";

    static final String LATEST = """
            SELECT ids.id AS environment_id, o.id, o.state
            FROM unnest(?::bigint[]) AS ids (id)
            JOIN LATERAL (SELECT id, state FROM operation WHERE environment_id = ids.id AND %s
                          ORDER BY id DESC LIMIT 1) o ON true""".formatted(SCHEDULER_SEES);

    private static final String INSERT_OPERATIONS = """
            INSERT INTO operation (environment_id, kind, state, requested_by, reason, created_at)
            SELECT e, k, 'QUEUED', r, w, ? FROM unnest(?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[])
                AS t (e, k, r, w)
            RETURNING id, environment_id""";

    private static final String INSERT_STEPS = """
            INSERT INTO operation_step (operation_id, position, name, state)
            SELECT o, p, n, 'PENDING' FROM unnest(?::bigint[], ?::int[], ?::varchar[]) AS t (o, p, n)""";

    /** What {@code Environment.moveTo(READY)} does to a ready environment, for all of them at once. */
    private static final String TOUCH_ENVIRONMENTS = """
            UPDATE environment SET failed_step = NULL, failure_code = NULL, failure_message = NULL, updated_at = ?,
                version = version + 1
            WHERE id = ANY(?)""";

    private final JdbcTemplate jdbc;
    private final OperationQueue queue;
    private final AuditLog auditLog;
    private final Clock clock;

    PowerBatch(JdbcTemplate jdbc, OperationQueue queue, AuditLog auditLog, Clock clock) {
        this.jdbc = jdbc;
        this.queue = queue;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /**
     * Asks for each change that is still due, in the caller's transaction (or one of its own).
     *
     * @return the outcome per environment id, in the order of {@code changes}
     */
    @Transactional
    public Map<Long, Outcome> request(List<Change> changes) {
        Map<Long, Outcome> outcomes = new LinkedHashMap<>();
        if (changes.isEmpty()) {
            return outcomes;
        }
        Long[] ids = changes.stream().map(Change::environmentId).toArray(Long[]::new);
        Map<Long, Locked> environments = new HashMap<>();
        jdbc.query(LOCK, ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", ids)), rs -> {
            environments.put(rs.getLong("id"), new Locked(rs.getLong("team_id"), rs.getString("name"),
                    rs.getString("state"), rs.getString("power")));
        });
        Map<Long, Latest> latest = new HashMap<>();
        jdbc.query(LATEST, ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", ids)), rs -> {
            latest.put(rs.getLong("environment_id"), new Latest(rs.getLong("id"), rs.getString("state")));
        });

        List<Change> due = new ArrayList<>();
        for (Change change : changes) {
            Outcome outcome = decide(change, environments.get(change.environmentId()),
                    latest.get(change.environmentId()));
            outcomes.put(change.environmentId(), outcome);
            if (outcome == Outcome.ENQUEUED) {
                due.add(change);
            }
        }
        if (!due.isEmpty()) {
            store(due, environments);
        }
        return outcomes;
    }

    static Outcome decide(Change change, Locked environment, Latest latest) {
        if (environment == null || !EnvironmentState.READY.name().equals(environment.state())) {
            return Outcome.NOT_READY;
        }
        String after = change.kind() == OperationKind.START ? "ON" : "OFF";
        if (after.equals(environment.power())) {
            return Outcome.ALREADY;
        }
        if (latest != null && (OperationState.QUEUED.name().equals(latest.state())
                || OperationState.RUNNING.name().equals(latest.state()))) {
            return Outcome.BUSY;
        }
        if (!Objects.equals(change.seenOperationId(), latest == null ? null : latest.id())) {
            return Outcome.CHANGED;
        }
        return Outcome.ENQUEUED;
    }

    private void store(List<Change> due, Map<Long, Locked> environments) {
        Instant now = clock.instant();
        int n = due.size();
        Long[] environmentIds = new Long[n];
        String[] kinds = new String[n];
        String[] requestedBy = new String[n];
        String[] reasons = new String[n];
        for (int i = 0; i < n; i++) {
            Change change = due.get(i);
            environmentIds[i] = change.environmentId();
            kinds[i] = change.kind().name();
            requestedBy[i] = change.actor().name();
            reasons[i] = change.actor().reason() == null ? null : Operation.truncate(change.actor().reason(), 300);
        }
        Map<Long, Long> operationOf = new HashMap<>();
        jdbc.query(INSERT_OPERATIONS, ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setArray(2, ps.getConnection().createArrayOf("bigint", environmentIds));
            ps.setArray(3, ps.getConnection().createArrayOf("varchar", kinds));
            ps.setArray(4, ps.getConnection().createArrayOf("varchar", requestedBy));
            ps.setArray(5, ps.getConnection().createArrayOf("varchar", reasons));
        }, rs -> {
            operationOf.put(rs.getLong("environment_id"), rs.getLong("id"));
        });

        List<Long> stepOperations = new ArrayList<>();
        List<Integer> stepPositions = new ArrayList<>();
        List<String> stepNames = new ArrayList<>();
        List<Long> operationIds = new ArrayList<>(n);
        List<AuditEntry> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Change change = due.get(i);
            long operationId = operationOf.get(change.environmentId());
            operationIds.add(operationId);
            List<CloudStep> steps = OperationPlans.steps(change.kind());
            for (int position = 0; position < steps.size(); position++) {
                stepOperations.add(operationId);
                stepPositions.add(position);
                stepNames.add(steps.get(position).name());
            }
            Locked environment = environments.get(change.environmentId());
            events.add(OperationOutcomes.entry(AuditEntry.success("environment." + change.kind().verb()
                    + ".requested"), operationId, reasons[i], requestedBy[i], change.environmentId(),
                    environment.teamId(), environment.name()));
        }
        jdbc.update(INSERT_STEPS, ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("bigint", stepOperations.toArray()));
            ps.setArray(2, ps.getConnection().createArrayOf("integer", stepPositions.toArray()));
            ps.setArray(3, ps.getConnection().createArrayOf("varchar", stepNames.toArray()));
        });
        jdbc.update(TOUCH_ENVIRONMENTS, ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setArray(2, ps.getConnection().createArrayOf("bigint", environmentIds));
        });
        auditLog.recordAll(events);
        queue.enqueueAllAfterCommit(operationIds);
    }

    record Locked(long teamId, String name, String state, String power) {
    }

    record Latest(long id, String state) {
    }
}
