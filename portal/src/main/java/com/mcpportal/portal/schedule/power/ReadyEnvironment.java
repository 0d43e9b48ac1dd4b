package com.mcpportal.portal.schedule.power;

import java.time.Instant;

import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.environment.EnvironmentPower;
import com.mcpportal.portal.schedule.PowerState;
import com.mcpportal.portal.schedule.Schedule;

/**
 * A ready environment as the reconciler sees it: what it runs now, what its schedule is, and its latest operation.
 *
 * @param scheduleChangedAt when the schedule it follows (its own, or its team's default) last changed; null for
 *                          the portal default
 * @param latest            its latest operation, or null when it has none (or was not loaded: see
 *                          {@link ReadyEnvironments#allWithoutOperations()})
 */
public record ReadyEnvironment(long id, long teamId, EnvironmentPower power, Schedule schedule, Instant scheduleChangedAt,
        LatestOperation latest) {

    /** @param requestedBy a username, {@code scheduler}, {@code aws-scheduler} or {@code system} */
    public record LatestOperation(long id, String kind, boolean inFlight, String requestedBy, Instant createdAt) {

        boolean byPerson() {
            return !AuditEntry.SCHEDULER.equals(requestedBy) && !AuditEntry.AWS_SCHEDULER.equals(requestedBy)
                    && !AuditEntry.SYSTEM.equals(requestedBy);
        }

        /** A start or stop a person asked for: the reconciler leaves its result alone until the next edge. */
        boolean manualPowerChange() {
            return byPerson() && ("START".equals(kind) || "STOP".equals(kind));
        }
    }

    PowerState actual() {
        return power == EnvironmentPower.ON ? PowerState.ON : PowerState.OFF;
    }

    public boolean busy() {
        return latest != null && latest.inFlight();
    }

    /** Whether the operation in flight is a start or stop that leaves it in the {@code desired} state anyway. */
    boolean underway(PowerState desired) {
        return busy() && ("START".equals(latest.kind()) && desired == PowerState.ON
                || "STOP".equals(latest.kind()) && desired == PowerState.OFF);
    }
}
