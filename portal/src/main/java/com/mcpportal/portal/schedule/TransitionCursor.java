package com.mcpportal.portal.schedule;

import java.time.Instant;
import java.time.zone.ZoneRules;

import com.mcpportal.portal.schedule.power.Reasons;

/** Effective transitions after an instant: the override's expiry first (if it changes anything), then the base walk. */
final class TransitionCursor {

    private Transition overrideExpiry;
    private final BaseWalk base;

    TransitionCursor(Schedule schedule, Instant from) {
        ZoneRules rules = schedule.zone().getRules();
        Instant baseFrom = from;
        ManualOverride override = schedule.override();
        if (override != null && override.activeAt(from)) {
            PowerState after = stateWithoutOverride(schedule, rules, override.until());
            if (after != override.state()) {
                overrideExpiry = new Transition(override.until(), after, Reasons.overrideExpired(override, schedule));
            }
            baseFrom = override.until();
        }
        base = schedule.enabled() ? new BaseWalk(schedule, rules, baseFrom.getEpochSecond()) : null;
    }

    Transition next() {
        if (overrideExpiry != null) {
            Transition expiry = overrideExpiry;
            overrideExpiry = null;
            return expiry;
        }
        return base == null ? null : base.next();
    }

    private static PowerState stateWithoutOverride(Schedule schedule, ZoneRules rules, Instant instant) {
        if (!schedule.enabled()) {
            return schedule.whenDisabled().state();
        }
        return ScheduleEvaluator.baseOn(schedule, rules, instant.getEpochSecond()) ? PowerState.ON : PowerState.OFF;
    }
}
