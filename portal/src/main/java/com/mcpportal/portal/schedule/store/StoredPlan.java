package com.mcpportal.portal.schedule.store;

import java.time.ZoneId;

import com.mcpportal.portal.schedule.ManualOverride;
import com.mcpportal.portal.schedule.Schedule;
import com.mcpportal.portal.schedule.ScheduleJson;
import com.mcpportal.portal.schedule.WhenDisabled;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import org.hibernate.annotations.ColumnTransformer;

/** The columns a team default and an environment's schedule share: zone, windows, exceptions, enabled. */
@Embeddable
class StoredPlan {

    private String zone;

    // Bound as text and cast, so the JSON arrives exactly as ScheduleJson wrote it.
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "CAST(? AS jsonb)")
    private String windows;

    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "CAST(? AS jsonb)")
    private String exceptions;

    private boolean enabled;

    @Enumerated(EnumType.STRING)
    private WhenDisabled whenDisabled;

    protected StoredPlan() {
    }

    static StoredPlan of(Schedule schedule) {
        StoredPlan plan = new StoredPlan();
        plan.zone = schedule.zone().getId();
        plan.windows = ScheduleJson.windows(schedule.windows());
        plan.exceptions = ScheduleJson.exceptions(schedule.exceptions());
        plan.enabled = schedule.enabled();
        plan.whenDisabled = schedule.whenDisabled();
        return plan;
    }

    Schedule toSchedule(ManualOverride override) {
        return new Schedule(ZoneId.of(zone), ScheduleJson.windows(windows), ScheduleJson.exceptions(exceptions),
                override, enabled, whenDisabled);
    }
}
