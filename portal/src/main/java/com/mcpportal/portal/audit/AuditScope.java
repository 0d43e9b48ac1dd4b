package com.mcpportal.portal.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Whose audit events the signed-in user may read: every event (platform administrators) or only those of the
 * listed teams (their owners). Platform-wide events (no team) are visible only with {@code everything}.
 *
 * @param everything whether every event is visible, including platform-wide ones
 * @param teams      team id to name: the teams whose events are visible (with {@code everything}: every team,
 *                   for naming them and offering them as a filter)
 */
public record AuditScope(boolean everything, Map<Long, String> teams) {

    public AuditScope {
        teams = Collections.unmodifiableMap(new LinkedHashMap<>(teams));
    }

    /** A platform administrator's scope. */
    public static AuditScope everything(Map<Long, String> allTeams) {
        return new AuditScope(true, allTeams);
    }

    /** A team owner's scope: the teams they own. */
    public static AuditScope ofTeams(Map<Long, String> ownedTeams) {
        return new AuditScope(false, ownedTeams);
    }

    /** Whether events of this team (null: platform-wide events) are visible. */
    public boolean canRead(Long teamId) {
        return everything || (teamId != null && teams.containsKey(teamId));
    }

    /** The team's name, or its id when the name is unknown (a team that no longer exists). */
    public String teamName(Long teamId) {
        if (teamId == null) {
            return "";
        }
        return teams.getOrDefault(teamId, "team " + teamId);
    }
}
