package com.mcpportal.portal.cost;

import com.mcpportal.portal.schedule.Schedule;

/**
 * Where estimates read an environment's on/off schedule. Until schedules are stored, {@link DefaultEnvironmentSchedules}
 * answers with the default Mon–Fri 08:00–20:00 UTC for every environment. The schedule feature plugs its stored
 * schedules in with a bean of this type marked {@code @Primary} (see package-info for the exact recipe), and
 * publishes {@code environment.EnvironmentChanged} after a schedule change so budgets are checked again.
 */
public interface EnvironmentSchedules {

    /** The environment's schedule as it stands now (overrides and exceptions included); never null. */
    Schedule scheduleOf(long environmentId);
}
