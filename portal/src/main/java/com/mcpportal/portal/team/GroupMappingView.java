package com.mcpportal.portal.team;

/** A group mapping as the team's settings page lists it. */
public record GroupMappingView(long id, String provider, String providerLabel, String group, TeamRole role) {
}
