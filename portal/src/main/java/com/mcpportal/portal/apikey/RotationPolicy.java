package com.mcpportal.portal.apikey;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/** A team's rule "roll every key older than N days, the old one valid for G more". */
@Entity
@Table(name = "api_key_rotation_policy")
public class RotationPolicy {

    @Id
    private Long teamId;

    private int everyDays;

    private long graceSeconds;

    private @Nullable String updatedBy;

    private @Nullable Instant updatedAt;

    protected RotationPolicy() {
    }

    RotationPolicy(long teamId) {
        this.teamId = teamId;
    }

    void change(int everyDays, GracePeriod grace, String by, Instant now) {
        this.everyDays = everyDays;
        this.graceSeconds = grace.duration().toSeconds();
        this.updatedBy = by;
        this.updatedAt = now;
    }

    public long getTeamId() {
        return teamId;
    }

    public int getEveryDays() {
        return everyDays;
    }

    public GracePeriod getGrace() {
        return GracePeriod.of(Duration.ofSeconds(graceSeconds));
    }

    public @Nullable String getUpdatedBy() {
        return updatedBy;
    }

    public @Nullable Instant getUpdatedAt() {
        return updatedAt;
    }
}
