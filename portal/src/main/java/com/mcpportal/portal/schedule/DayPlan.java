package com.mcpportal.portal.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * The raw on-spans one local day contributes, as epoch seconds: the day's exception if one covers it,
 * else the windows of its weekday. Both the point query and the transition walk go through
 * {@link #forEachSpan}, which is what keeps them from disagreeing.
 */
final class DayPlan {

    /** Receives one span; returns true to stop the walk early. */
    interface SpanVisitor {
        boolean visit(long start, long end, Object source);
    }

    private DayPlan() {
    }

    static boolean forEachSpan(Schedule schedule, LocalDate day, ZoneRules rules, SpanVisitor visitor) {
        DateException exception = exceptionOn(schedule.exceptions(), day);
        if (exception != null) {
            if (exception.state() == PowerState.OFF) {
                return false;
            }
            return visitSpan(day, exception.startSecond(), exception.endSecond(), exception, rules, visitor);
        }
        List<ScheduleWindow> windows = schedule.windows();
        for (int i = 0; i < windows.size(); i++) {
            ScheduleWindow window = windows.get(i);
            if (window.day() == day.getDayOfWeek()
                    && visitSpan(day, window.startSecond(), window.endSecond(), window, rules, visitor)) {
                return true;
            }
        }
        return false;
    }

    static boolean contains(Schedule schedule, LocalDate day, ZoneRules rules, long epochSecond) {
        return forEachSpan(schedule, day, rules, (start, end, source) -> start <= epochSecond && epochSecond < end);
    }

    /** The narrowest exception covering the day (the first listed among equals), or null. */
    static DateException exceptionOn(List<DateException> exceptions, LocalDate day) {
        DateException best = null;
        for (int i = 0; i < exceptions.size(); i++) {
            DateException candidate = exceptions.get(i);
            if (candidate.covers(day) && (best == null || candidate.days() < best.days())) {
                best = candidate;
            }
        }
        return best;
    }

    private static boolean visitSpan(LocalDate day, int startSecond, int endSecond, Object source,
                                     ZoneRules rules, SpanVisitor visitor) {
        if (endSecond <= startSecond) {
            return false;
        }
        long start = toEpochSecond(day, startSecond, rules);
        long end = toEpochSecond(day, endSecond, rules);
        // A span lying wholly inside a spring-forward gap maps to nothing.
        return end > start && visitor.visit(start, end, source);
    }

    /**
     * Wall-clock time to instant. In a spring-forward gap the time does not exist: use the first valid
     * instant after the gap (02:30 on a Berlin spring-forward day becomes 03:00 CEST, not 03:30). In a
     * fall-back overlap the time exists twice: use the earlier instant, so an edge fires once.
     */
    static long toEpochSecond(LocalDate day, int secondOfDay, ZoneRules rules) {
        LocalDateTime local = day.atStartOfDay().plusSeconds(secondOfDay);
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.size() == 1) {
            return local.toEpochSecond(offsets.get(0));
        }
        if (offsets.isEmpty()) {
            return rules.getTransition(local).getInstant().getEpochSecond();
        }
        return Math.min(local.toEpochSecond(offsets.get(0)), local.toEpochSecond(offsets.get(1)));
    }

    static LocalDate localDate(long epochSecond, ZoneRules rules) {
        Instant instant = Instant.ofEpochSecond(epochSecond);
        return LocalDate.ofInstant(instant, rules.getOffset(instant));
    }
}
