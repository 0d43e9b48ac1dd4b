package com.mcpportal.portal.schedule;

import java.time.LocalTime;

/**
 * How a start and end wall-clock time become a span of seconds after the start day's midnight.
 * An end of 00:00 means 24:00 (midnight at the end of the start day), so 00:00–00:00 is the whole day
 * and 20:00–00:00 runs until midnight. Any other end at or before the start crosses midnight into the
 * next day (22:00–02:00), so an end equal to the start means 24 hours (08:00–08:00 runs until 08:00 the
 * next day), as most schedulers read it and as the editor's hint says: no window has zero length.
 */
final class WallClockSpan {

    static final int DAY = 86_400;

    private WallClockSpan() {
    }

    static int startSecond(LocalTime start) {
        return start.toSecondOfDay();
    }

    /** Seconds after the start day's midnight, in (start, start + 24 h]. */
    static int endSecond(LocalTime start, LocalTime end) {
        int s = start.toSecondOfDay();
        int e = end.toSecondOfDay();
        if (e == 0) {
            return DAY;
        }
        if (e > s) {
            return e;
        }
        return e + DAY;
    }

    /** "08:00–20:00", with an end of midnight shown as 24:00. */
    static String label(LocalTime start, LocalTime end) {
        String endText = end.toSecondOfDay() == 0 ? "24:00" : hhmm(end);
        return hhmm(start) + "\u2013" + endText;
    }

    private static String hhmm(LocalTime time) {
        String text = twoDigits(time.getHour()) + ":" + twoDigits(time.getMinute());
        return time.getSecond() == 0 ? text : text + ":" + twoDigits(time.getSecond());
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }
}
