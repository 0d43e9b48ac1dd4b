package com.mcpportal.portal.cost;

import com.mcpportal.portal.schedule.Schedule;
import com.mcpportal.portal.schedule.ScheduleService;

import org.springframework.stereotype.Component;

/** Estimates on each environment's stored schedule (its own, or its team's default), overrides included. */
@Component
class StoredEnvironmentSchedules implements EnvironmentSchedules {

    private final ScheduleService schedules;

    StoredEnvironmentSchedules(ScheduleService schedules) {
        this.schedules = schedules;
    }

    @Override
    public Schedule scheduleOf(long environmentId) {
        return schedules.scheduleOf(environmentId);
    }
}
