package com.mcpportal.portal.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * The one source of truth for when an environment should run. Triggers, the reconciler, pages and cost
 * estimates all ask here; the three questions share the same per-day spans ({@link DayPlan}), so they
 * cannot disagree. All methods are pure: the clock is always a parameter.
 */
public final class ScheduleEvaluator {

    private ScheduleEvaluator() {
    }

    /** ON or OFF at the instant. Cheap: looks at four local days, no scan over weeks. */
    public static PowerState desiredStateAt(Schedule schedule, Instant instant) {
        ManualOverride override = schedule.override();
        if (override != null && override.activeAt(instant)) {
            return override.state();
        }
        if (!schedule.enabled()) {
            return schedule.whenDisabled().state();
        }
        return baseOn(schedule, schedule.zone().getRules(), instant.getEpochSecond()) ? PowerState.ON : PowerState.OFF;
    }

    /**
     * Up to {@code n} transitions strictly after {@code from}, in order, alternating, each a real change.
     * Empty when the state never changes again (no windows, always on, disabled without an override).
     */
    public static List<Transition> nextTransitions(Schedule schedule, Instant from, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        List<Transition> transitions = new ArrayList<>(Math.min(n, 16));
        TransitionCursor cursor = new TransitionCursor(schedule, from);
        while (transitions.size() < n) {
            Transition next = cursor.next();
            if (next == null) {
                break;
            }
            transitions.add(next);
        }
        return transitions;
    }

    /** The stretches of [from, to) during which the desired state is ON. */
    public static List<OnInterval> onIntervals(Schedule schedule, Instant from, Instant to) {
        List<OnInterval> intervals = new ArrayList<>();
        if (!to.isAfter(from)) {
            return intervals;
        }
        PowerState state = desiredStateAt(schedule, from);
        Instant since = from;
        TransitionCursor cursor = new TransitionCursor(schedule, from);
        for (Transition next = cursor.next(); next != null && next.at().isBefore(to); next = cursor.next()) {
            if (state == PowerState.ON) {
                intervals.add(new OnInterval(since, next.at()));
            }
            state = next.state();
            since = next.at();
        }
        if (state == PowerState.ON) {
            intervals.add(new OnInterval(since, to));
        }
        return intervals;
    }

    /** Real elapsed time ON in [from, to): DST days count their true length. */
    public static Duration hoursOn(Schedule schedule, Instant from, Instant to) {
        Duration total = Duration.ZERO;
        for (OnInterval interval : onIntervals(schedule, from, to)) {
            total = total.plus(interval.duration());
        }
        return total;
    }

    /** Windows and exceptions only: is the second inside a span of its own local day or a neighbour's? */
    static boolean baseOn(Schedule schedule, ZoneRules rules, long epochSecond) {
        LocalDate day = DayPlan.localDate(epochSecond, rules);
        for (int offset = -2; offset <= 1; offset++) {
            if (DayPlan.contains(schedule, day.plusDays(offset), rules, epochSecond)) {
                return true;
            }
        }
        return false;
    }
}
