package com.mcpportal.portal.cloud;

/** An ECS service's task counts and status ({@code ACTIVE}, {@code DRAINING}, {@code MISSING} …). */
public record ServiceCounts(String status, int desired, int running, int pending) {

    public static final ServiceCounts MISSING = new ServiceCounts("MISSING", 0, 0, 0);

    public boolean exists() {
        return !"MISSING".equals(status) && !"INACTIVE".equals(status);
    }
}
