package com.mcpportal.portal.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a reader asked to see, validated, times in UTC. Null fields do not filter.
 *
 * @param teamId       only this team's events
 * @param platformOnly only platform-wide events (no team); administrators only
 * @param actor        exactly this actor
 * @param action       an action name ({@code team.renamed}: it and its sub-actions) or a prefix ending in
 *                     {@code *} or {@code .} ({@code environment.*}, {@code environment.})
 * @param targetType   exactly this target type
 * @param targetId     exactly this target id
 * @param outcome      this outcome
 * @param since        at or after this instant
 * @param until        before this instant
 * @param text         case-insensitive text anywhere in the details JSON
 */
public record AuditFilter(Long teamId, boolean platformOnly, String actor, String action, String targetType,
                   String targetId, AuditOutcome outcome, Instant since, Instant until, String text) {

    static final AuditFilter NONE = new AuditFilter(null, false, null, null, null, null, null, null, null, null);

    /** The filter as facts for the audit log (the export records what was exported). */
    public Map<String, Object> describe() {
        Map<String, Object> facts = new LinkedHashMap<>();
        put(facts, "team", teamId);
        if (platformOnly) {
            facts.put("team", "platform");
        }
        put(facts, "actor", actor);
        put(facts, "action", action);
        put(facts, "targetType", targetType);
        put(facts, "targetId", targetId);
        put(facts, "outcome", outcome == null ? null : outcome.name());
        put(facts, "since", since == null ? null : since.toString());
        put(facts, "until", until == null ? null : until.toString());
        put(facts, "text", text);
        return facts;
    }

    private static void put(Map<String, Object> facts, String key, Object value) {
        if (value != null) {
            facts.put(key, value);
        }
    }
}
