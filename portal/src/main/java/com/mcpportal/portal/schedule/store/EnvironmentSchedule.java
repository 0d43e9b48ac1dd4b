package com.mcpportal.portal.schedule.store;

import java.time.Instant;

import com.mcpportal.portal.schedule.ManualOverride;
import com.mcpportal.portal.schedule.PowerState;
import com.mcpportal.portal.schedule.Schedule;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An environment's stored schedule, override included; {@link #toSchedule()} gives the pure value. */
@Entity
@Table(name = "environment_schedule")
public class EnvironmentSchedule {

    @Id
    private Long environmentId;

    @Embedded
    private StoredPlan plan;

    @Enumerated(EnumType.STRING)
    private PowerState overrideState;

    private Instant overrideUntil;

    private Instant updatedAt;

    private String updatedBy;

    @Version
    private Long version;

    protected EnvironmentSchedule() {
    }

    public EnvironmentSchedule(long environmentId, Schedule schedule, Instant now, String by) {
        this.environmentId = environmentId;
        replace(schedule, now, by);
    }

    /** Takes the whole schedule, override included (null clears it). */
    public void replace(Schedule schedule, Instant now, String by) {
        this.plan = StoredPlan.of(schedule);
        ManualOverride override = schedule.override();
        this.overrideState = override == null ? null : override.state();
        this.overrideUntil = override == null ? null : override.until();
        this.updatedAt = now;
        this.updatedBy = by;
    }

    public Schedule toSchedule() {
        return plan.toSchedule(overrideState == null ? null : new ManualOverride(overrideState, overrideUntil));
    }

    long getEnvironmentId() {
        return environmentId;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }
}
