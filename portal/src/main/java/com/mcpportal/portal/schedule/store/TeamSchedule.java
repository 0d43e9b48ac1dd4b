package com.mcpportal.portal.schedule.store;

import java.time.Instant;

import com.mcpportal.portal.schedule.Schedule;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A team's default schedule (and so its time zone), which new environments of the team copy. */
@Entity
@Table(name = "team_schedule")
public class TeamSchedule {

    @Id
    private Long teamId;

    @Embedded
    private StoredPlan plan;

    private Instant updatedAt;

    private String updatedBy;

    @Version
    private Long version;

    protected TeamSchedule() {
    }

    public TeamSchedule(long teamId, Schedule schedule, Instant now, String by) {
        this.teamId = teamId;
        replace(schedule, now, by);
    }

    /** A default has no override: one on the given schedule is dropped. */
    void replace(Schedule schedule, Instant now, String by) {
        this.plan = StoredPlan.of(schedule);
        this.updatedAt = now;
        this.updatedBy = by;
    }

    public Schedule toSchedule() {
        return plan.toSchedule(null);
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    String getUpdatedBy() {
        return updatedBy;
    }
}
