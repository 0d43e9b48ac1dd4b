package com.mcpportal.portal.schedule;

import java.time.Instant;

/**
 * A schedule as stored, with where it comes from: the environment's own row, its team's default (an environment
 * that has no row yet follows it), or the portal's default (a team that saved none).
 *
 * @param updatedAt null for the portal default
 * @param updatedBy null for the portal default
 */
public record StoredSchedule(Schedule schedule, Source source, Instant updatedAt, String updatedBy) {

    /** Where a schedule comes from. */
    public enum Source {
        OWN("this environment's own schedule"),
        TEAM_DEFAULT("the team's default schedule"),
        PORTAL_DEFAULT("the portal's default schedule");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
