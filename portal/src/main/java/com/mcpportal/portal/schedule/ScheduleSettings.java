package com.mcpportal.portal.schedule;

import java.time.Duration;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How schedules run ({@code portal.schedules.*}).
 *
 * @param enforce           whether this portal starts and stops environments on their schedules (edge triggers and
 *                          the reconcile pass); false keeps schedules editable and shown but acts on none (tests)
 * @param reconcileInterval how often the reconcile pass compares desired and actual power of every ready
 *                          environment; after downtime, environments are back in their desired state within this
 * @param defaultZone       the time zone of a team that has not saved a default schedule yet
 * @param busyRetry         when an edge finds an operation still running on the environment, its trigger fires
 *                          again after this long (instead of leaving the edge to the next reconcile pass)
 */
@ConfigurationProperties("portal.schedules")
public record ScheduleSettings(
        @DefaultValue("true") boolean enforce,
        @DefaultValue("1m") Duration reconcileInterval,
        @DefaultValue("UTC") ZoneId defaultZone,
        @DefaultValue("15s") Duration busyRetry) {

    public ScheduleSettings {
        if (reconcileInterval.isNegative() || reconcileInterval.isZero()) {
            throw new IllegalArgumentException("portal.schedules.reconcile-interval must be positive");
        }
    }
}
