package com.mcpportal.portal.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An environment's on/off plan: weekly windows in an IANA zone's wall-clock time, date exceptions,
 * an optional manual override, and an enabled flag. Precedence: override, then disabled (the chosen
 * always-state), then exceptions, then windows. Evaluate it with {@link ScheduleEvaluator}.
 *
 * @param override nullable: no override
 */
public record Schedule(ZoneId zone, List<ScheduleWindow> windows, List<DateException> exceptions,
                       ManualOverride override, boolean enabled, WhenDisabled whenDisabled) {

    private static final LocalTime DEFAULT_START = LocalTime.of(8, 0);
    private static final LocalTime DEFAULT_END = LocalTime.of(20, 0);

    public Schedule {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(whenDisabled, "whenDisabled");
        windows = List.copyOf(windows);
        exceptions = List.copyOf(exceptions);
    }

    /** The default every new environment gets: 08:00–20:00 Monday to Friday in the given zone. */
    public static Schedule defaultFor(ZoneId zone) {
        List<ScheduleWindow> windows = new ArrayList<>();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            windows.add(new ScheduleWindow(day, DEFAULT_START, DEFAULT_END));
        }
        return weekly(zone, windows);
    }

    /** Enabled, no exceptions, no override. */
    public static Schedule weekly(ZoneId zone, List<ScheduleWindow> windows) {
        return new Schedule(zone, windows, List.of(), null, true, WhenDisabled.ALWAYS_ON);
    }

    public Optional<ManualOverride> manualOverride() {
        return Optional.ofNullable(override);
    }

    public Schedule withWindows(List<ScheduleWindow> newWindows) {
        return new Schedule(zone, newWindows, exceptions, override, enabled, whenDisabled);
    }

    public Schedule withExceptions(List<DateException> newExceptions) {
        return new Schedule(zone, windows, newExceptions, override, enabled, whenDisabled);
    }

    public Schedule withOverride(ManualOverride newOverride) {
        return new Schedule(zone, windows, exceptions, newOverride, enabled, whenDisabled);
    }

    /** Drops an override that has run out, so a stored schedule does not carry a stale one. */
    public Schedule withoutExpiredOverride(Instant now) {
        return override != null && !override.activeAt(now) ? withOverride(null) : this;
    }

    public Schedule withEnabled(boolean isEnabled, WhenDisabled meaning) {
        return new Schedule(zone, windows, exceptions, override, isEnabled, meaning);
    }

    public PowerState desiredStateAt(Instant instant) {
        return ScheduleEvaluator.desiredStateAt(this, instant);
    }

    public List<Transition> nextTransitions(Instant from, int n) {
        return ScheduleEvaluator.nextTransitions(this, from, n);
    }

    public Duration hoursOn(Instant from, Instant to) {
        return ScheduleEvaluator.hoursOn(this, from, to);
    }
}
