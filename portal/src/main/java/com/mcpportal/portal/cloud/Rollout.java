package com.mcpportal.portal.cloud;

/**
 * What moving an environment's service to a task definition revision did ({@link CloudProvider#rollOut}): the service
 * as it is now, and its task counts. With {@code counts.desired() == 0} nothing ran, so nothing was replaced: the
 * revision is the one the next start runs.
 */
public record Rollout(ServiceRef service, ServiceCounts counts) {

    /** Whether tasks were replaced: the service ran when the revision was rolled out. */
    public boolean replacedTasks() {
        return counts.desired() > 0;
    }
}
