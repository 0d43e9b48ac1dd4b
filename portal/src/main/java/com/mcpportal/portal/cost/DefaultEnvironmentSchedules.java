package com.mcpportal.portal.cost;

import java.time.ZoneOffset;

import com.mcpportal.portal.schedule.Schedule;

/**
 * Every environment on the default schedule, Mon–Fri 08:00–20:00 in UTC (teams have no time zone of their own):
 * what the schedule feature gives a new environment, used until that feature supplies stored schedules.
 */
final class DefaultEnvironmentSchedules implements EnvironmentSchedules {

    static final Schedule DEFAULT = Schedule.defaultFor(ZoneOffset.UTC);

    @Override
    public Schedule scheduleOf(long environmentId) {
        return DEFAULT;
    }
}
