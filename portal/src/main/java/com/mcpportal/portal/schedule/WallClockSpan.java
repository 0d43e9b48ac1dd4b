package com.mcpportal.portal.schedule;

import java.time.LocalTime;

/**
 * How a start and end wall-clock time become a span of seconds after the start day's midnight.
 * An end of 00:00 means 24:00 (midnight at the end of the start day), so 00:00–00:00 is the whole day
 * and 20:00–00:00 runs until midnight. Any other end at or before the start crosses midnight into the
 * next day (22:00–02:00). An end equal to a start other than 00:00 has no length (the validator rejects it).
 */
final class WallClockSpan {

    static final int DAY = 86_400;

    private WallClockSpan() {
    }

    static int startSecond(LocalTime start) {
        return start.toSecondOfDay();
    }

    /** Seconds after the start day's midnight, in (start, start + 24 h], or equal to start when zero-length. */
    static int endSecond(LocalTime start, LocalTime end) {
        int s = start.toSecondOfDay();
        int e = end.toSecondOfDay();
        if (e == 0) {
            return DAY;
        }
        if (e > s) {
            return e;
        }
        return e == s ? s : e + DAY;
    }

    static boolean isZeroLength(LocalTime start, LocalTime end) {
        return endSecond(start, end) == startSecond(start);
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
