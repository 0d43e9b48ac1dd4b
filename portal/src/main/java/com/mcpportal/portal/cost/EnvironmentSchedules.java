package com.mcpportal.portal.cost;

import com.mcpportal.portal.schedule.Schedule;

/**
 * Where estimates read an environment's on/off schedule: {@link StoredEnvironmentSchedules} in the portal (the
 * schedule feature's stored schedules); tests replace it with a {@code @Primary} bean. The schedule feature publishes
 * {@code environment.EnvironmentChanged(…, "schedule")} when a schedule changes, so budgets are checked again.
 */
public interface EnvironmentSchedules {

    /** The environment's schedule as it stands now (overrides and exceptions included); never null. */
    Schedule scheduleOf(long environmentId);
}
