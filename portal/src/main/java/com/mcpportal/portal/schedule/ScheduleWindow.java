package com.mcpportal.portal.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Objects;

/**
 * One weekly on-window in the schedule's wall-clock time. An end at or before the start crosses midnight
 * and the window belongs to the day it starts on (Fri 22:00–02:00 runs into Saturday). An end of 00:00
 * means 24:00: Mon 20:00–00:00 stops at midnight, 00:00–00:00 is the whole day. An end equal to the start is
 * 24 hours: Mon 08:00–08:00 runs until Tuesday 08:00.
 */
public record ScheduleWindow(DayOfWeek day, LocalTime start, LocalTime end) {

    public ScheduleWindow {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    public static ScheduleWindow of(DayOfWeek day, String start, String end) {
        return new ScheduleWindow(day, LocalTime.parse(start), LocalTime.parse(end));
    }

    /** Wall-clock length; on DST days the real running time differs by the shift. */
    public Duration wallClockLength() {
        return Duration.ofSeconds(endSecond() - startSecond());
    }

    public boolean crossesMidnight() {
        return endSecond() > WallClockSpan.DAY;
    }

    /** "Mon 08:00–20:00". */
    public String label() {
        return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + WallClockSpan.label(start, end);
    }

    int startSecond() {
        return WallClockSpan.startSecond(start);
    }

    int endSecond() {
        return WallClockSpan.endSecond(start, end);
    }
}
