package com.mcpportal.portal.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thing to write to the audit log, built fluently:
 * {@code AuditEntry.success("team.member.added").team(teamId).target("user", userId).detail("role", "OWNER")}.
 *
 * @param action     dotted name, feature first: {@code team.renamed}, {@code environment.started}
 * @param teamId     the team it concerns, or {@code null} for platform-wide events
 * @param targetType what kind of thing was acted on ({@code team}, {@code user}, {@code environment}), or null
 * @param targetId   its id, or null
 * @param outcome    how it ended
 * @param details    small JSON-able facts (strings, numbers, booleans, nested maps/lists); never secrets
 * @param actor      who did it; {@code null} means the signed-in user, or {@code system} when there is none.
 *                   Jobs pass {@link #SCHEDULER} or {@link #SYSTEM}.
 */
public record AuditEntry(String action, Long teamId, String targetType, String targetId, AuditOutcome outcome,
                         Map<String, Object> details, String actor) {

    /** Actor name for things the portal does on its own (first start, migrations, clean-ups). */
    public static final String SYSTEM = "system";

    /** Actor name for schedule-driven actions. */
    public static final String SCHEDULER = "scheduler";

    /**
     * Actor name for a start or stop the cloud made on the hours the portal keeps there ("keep hours in AWS"), as the
     * portal saw it afterwards.
     */
    public static final String AWS_SCHEDULER = "aws-scheduler";

    public AuditEntry {
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("An audit entry needs an action");
        }
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static AuditEntry success(String action) {
        return new AuditEntry(action, null, null, null, AuditOutcome.SUCCESS, Map.of(), null);
    }

    public static AuditEntry failure(String action) {
        return success(action).outcome(AuditOutcome.FAILURE);
    }

    public static AuditEntry denied(String action) {
        return success(action).outcome(AuditOutcome.DENIED);
    }

    public AuditEntry team(Long teamId) {
        return new AuditEntry(action, teamId, targetType, targetId, outcome, details, actor);
    }

    public AuditEntry target(String type, Object id) {
        return new AuditEntry(action, teamId, type, id == null ? null : id.toString(), outcome, details, actor);
    }

    public AuditEntry outcome(AuditOutcome outcome) {
        return new AuditEntry(action, teamId, targetType, targetId, outcome, details, actor);
    }

    public AuditEntry actor(String actor) {
        return new AuditEntry(action, teamId, targetType, targetId, outcome, details, actor);
    }

    public AuditEntry detail(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(details);
        more.put(key, value);
        return new AuditEntry(action, teamId, targetType, targetId, outcome, more, actor);
    }
}
