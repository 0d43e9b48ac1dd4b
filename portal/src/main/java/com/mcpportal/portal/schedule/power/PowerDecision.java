package com.mcpportal.portal.schedule.power;

import java.time.Instant;
import java.util.List;

import com.mcpportal.portal.schedule.PowerState;
import com.mcpportal.portal.schedule.Transition;

/**
 * What the scheduler should do about one ready environment at an instant: nothing, or start or stop it. Pure, so
 * the reconcile pass and the edge trigger decide alike.
 *
 * <p>A start or stop a person asked for holds until the schedule's next edge after it (or until the schedule is
 * changed): "Stop now" in the middle of the working day is not undone a minute later by the reconcile pass, and
 * the next edge puts the environment back on its schedule.
 */
public record PowerDecision(Verdict verdict, PowerState desired, Instant heldUntil) {

    /** The outcome for one environment. */
    public enum Verdict {
        /** Power already matches the schedule. */
        IN_STATE,
        /** Another operation is queued or running; the next pass looks again. */
        BUSY,
        /** A person's start or stop holds until the next edge ({@link #heldUntil()}, null: no edge coming). */
        HELD,
        START,
        STOP
    }

    public static PowerDecision decide(ReadyEnvironment environment, Instant now) {
        PowerState desired = environment.schedule().desiredStateAt(now);
        if (inState(environment, desired)) {
            return new PowerDecision(Verdict.IN_STATE, desired, null);
        }
        if (environment.busy()) {
            return new PowerDecision(Verdict.BUSY, desired, null);
        }
        ReadyEnvironment.LatestOperation latest = environment.latest();
        if (latest != null && latest.manualPowerChange() && latest.createdAt() != null
                && (environment.scheduleChangedAt() == null || latest.createdAt().isAfter(environment.scheduleChangedAt()))
                && resultOf(latest) == environment.actual()) {
            List<Transition> next = environment.schedule().nextTransitions(latest.createdAt(), 1);
            if (next.isEmpty() || next.get(0).at().isAfter(now)) {
                return new PowerDecision(Verdict.HELD, desired, next.isEmpty() ? null : next.get(0).at());
            }
        }
        return new PowerDecision(desired == PowerState.ON ? Verdict.START : Verdict.STOP, desired, null);
    }

    /** Whether {@link #decide} says {@link Verdict#IN_STATE}; needs no operation of the environment. */
    static boolean inDesiredState(ReadyEnvironment environment, Instant now) {
        return inState(environment, environment.schedule().desiredStateAt(now));
    }

    private static boolean inState(ReadyEnvironment environment, PowerState desired) {
        return environment.power() != null && environment.actual() == desired;
    }

    boolean acts() {
        return verdict == Verdict.START || verdict == Verdict.STOP;
    }

    private static PowerState resultOf(ReadyEnvironment.LatestOperation operation) {
        return "START".equals(operation.kind()) ? PowerState.ON : PowerState.OFF;
    }
}
