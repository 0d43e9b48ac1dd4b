package com.mcpportal.portal.environment.update;

import java.time.Instant;

/**
 * A team's policy for its environments' MCP server, set by its owners.
 *
 * @param autoUpdateOffHours  the portal updates the server it publishes by itself, only while an environment is off
 *                            (its schedule's off-hours, or stopped) and idle; environments on the team's own image
 *                            are left to the team's deploys
 * @param allowAnyImageSource the deploy endpoint takes images from outside the environment's own ECR repository
 * @param updatedAt           when an owner last changed it (null: never, both off)
 * @param updatedBy           who
 */
public record UpdatePolicy(long teamId, boolean autoUpdateOffHours, boolean allowAnyImageSource, Instant updatedAt,
        String updatedBy) {

    /** A team whose owners never set one: both off. */
    static UpdatePolicy defaults(long teamId) {
        return new UpdatePolicy(teamId, false, false, null, null);
    }
}
