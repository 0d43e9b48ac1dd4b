package com.mcpportal.portal.schedule;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A date or date range (inclusive, in the schedule's zone) that replaces the weekly windows: OFF for whole
 * days (a holiday, a shutdown week), or ON for the whole day or between {@code start} and {@code end}
 * (same wall-clock rules as {@link ScheduleWindow}). When exceptions nest, the shorter one wins, so one
 * working day can sit inside a holiday range. Windows that started the day before still run to their end.
 */
public record DateException(LocalDate first, LocalDate last, PowerState state, LocalTime start, LocalTime end) {

    public DateException {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(last, "last");
        Objects.requireNonNull(state, "state");
    }

    public static DateException off(LocalDate day) {
        return new DateException(day, day, PowerState.OFF, null, null);
    }

    public static DateException off(LocalDate first, LocalDate last) {
        return new DateException(first, last, PowerState.OFF, null, null);
    }

    public static DateException on(LocalDate day) {
        return new DateException(day, day, PowerState.ON, null, null);
    }

    public static DateException on(LocalDate day, LocalTime start, LocalTime end) {
        return new DateException(day, day, PowerState.ON, start, end);
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(first) && !day.isAfter(last);
    }

    public boolean hasHours() {
        return start != null && end != null;
    }

    /** Number of days covered; used to let the narrower of two nested exceptions win. */
    public long days() {
        return ChronoUnit.DAYS.between(first, last) + 1;
    }

    /** "2026-12-24 off", "2026-12-24–2027-01-01 off", "2026-12-27 on 10:00–14:00". */
    public String label() {
        String dates = first.equals(last) ? first.toString() : first + "\u2013" + last;
        String hours = state == PowerState.ON && hasHours() ? " " + WallClockSpan.label(start, end)
                : state == PowerState.ON ? " all day" : "";
        return dates + " " + state.word() + hours;
    }

    int startSecond() {
        return state == PowerState.ON && hasHours() ? WallClockSpan.startSecond(start) : 0;
    }

    int endSecond() {
        return state == PowerState.ON && hasHours() ? WallClockSpan.endSecond(start, end) : WallClockSpan.DAY;
    }
}
