package com.mcpportal.portal.cost;

import com.mcpportal.portal.schedule.Schedule;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for the schedule feature's stored schedules, plugged in as it will be (a {@code @Primary} bean of
 * {@link EnvironmentSchedules}): the default schedule unless a test set one for the environment.
 */
class TestEnvironmentSchedules implements EnvironmentSchedules {

    private final Map<Long, Schedule> schedules = new ConcurrentHashMap<>();

    void set(long environmentId, Schedule schedule) {
        schedules.put(environmentId, schedule);
    }

    @Override
    public Schedule scheduleOf(long environmentId) {
        return schedules.getOrDefault(environmentId, Schedule.defaultFor(ZoneOffset.UTC));
    }
}
