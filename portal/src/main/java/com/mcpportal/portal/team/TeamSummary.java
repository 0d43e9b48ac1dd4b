package com.mcpportal.portal.team;

/**
 * A team as lists show it.
 *
 * @param role the viewer's own role, or null for a platform admin who is not a member
 */
public record TeamSummary(long id, String name, TeamRole role, boolean archived) {
}
