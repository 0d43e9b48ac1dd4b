package com.mcpportal.portal.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.zone.ZoneRules;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.mcpportal.portal.schedule.power.Reasons;

/**
 * Walks the windows-and-exceptions timeline (no override, schedule enabled) forward and yields its
 * transitions strictly after a given second. Spans are loaded day by day, merged where they touch or
 * overlap, and days that cannot contribute (no windows that weekday, inside an OFF range, no windows at
 * all until the next ON exception) are skipped in one step, so the walk is cheap and always ends.
 */
final class BaseWalk {

    /** After this many fully covered days past the last exception, the weekly pattern is always on. */
    private static final int ALWAYS_ON_PROOF_DAYS = 22;
    private static final int HORIZON_YEARS = 200;

    private record Span(long start, long end, Object source, LocalDate day) {
    }

    private final Schedule schedule;
    private final ZoneRules rules;
    private final long after;
    private final boolean[] windowOn = new boolean[7];
    private final boolean anyWindow;
    private final LocalDate lastIrregularDay;
    private final LocalDate horizon;
    private final ArrayDeque<Span> buffer = new ArrayDeque<>();
    private final ArrayDeque<Transition> out = new ArrayDeque<>();
    private LocalDate nextDay;
    private Span lookahead;
    private boolean finished;

    BaseWalk(Schedule schedule, ZoneRules rules, long afterEpochSecond) {
        this.schedule = schedule;
        this.rules = rules;
        this.after = afterEpochSecond;
        boolean any = false;
        for (ScheduleWindow window : schedule.windows()) {
            if (window.endSecond() > window.startSecond()) {
                windowOn[window.day().getValue() - 1] = true;
                any = true;
            }
        }
        this.anyWindow = any;
        LocalDate startDay = DayPlan.localDate(afterEpochSecond, rules);
        // Spans of the two previous days can still be running (a window crossing midnight, DST shifts).
        this.nextDay = startDay.minusDays(2);
        LocalDate lastException = startDay;
        for (DateException exception : schedule.exceptions()) {
            if (exception.last().isAfter(lastException)) {
                lastException = exception.last();
            }
        }
        this.lastIrregularDay = lastException;
        this.horizon = startDay.plusYears(HORIZON_YEARS);
    }

    /** The next transition, or null when the state never changes again. */
    Transition next() {
        while (out.isEmpty()) {
            if (finished || !produce()) {
                return null;
            }
        }
        return out.poll();
    }

    private boolean produce() {
        Span first = nextSpan();
        if (first == null) {
            return false;
        }
        long start = first.start();
        long end = first.end();
        Object endSource = first.source();
        LocalDate proofDay = (first.day().isAfter(lastIrregularDay) ? first.day() : lastIrregularDay)
                .plusDays(ALWAYS_ON_PROOF_DAYS);
        boolean endless = false;
        for (Span following = peekSpan(); following != null && following.start() <= end; following = peekSpan()) {
            nextSpan();
            if (following.end() > end) {
                end = following.end();
                endSource = following.source();
            }
            if (following.day().isAfter(proofDay)) {
                endless = true;
                break;
            }
        }
        if (end <= after) {
            return true;
        }
        if (start > after) {
            out.add(new Transition(Instant.ofEpochSecond(start), PowerState.ON, Reasons.opened(first.source(), schedule)));
        }
        if (endless) {
            finished = true;
        } else {
            out.add(new Transition(Instant.ofEpochSecond(end), PowerState.OFF, Reasons.closed(endSource, schedule)));
        }
        return true;
    }

    private Span peekSpan() {
        if (lookahead == null) {
            lookahead = pullSpan();
        }
        return lookahead;
    }

    private Span nextSpan() {
        Span span = peekSpan();
        lookahead = null;
        return span;
    }

    private Span pullSpan() {
        while (buffer.isEmpty()) {
            LocalDate day = nextCandidateDay(nextDay);
            if (day == null) {
                return null;
            }
            List<Span> spans = new ArrayList<>(2);
            DayPlan.forEachSpan(schedule, day, rules, (start, end, source) -> {
                spans.add(new Span(start, end, source, day));
                return false;
            });
            spans.sort(Comparator.comparingLong(Span::start));
            buffer.addAll(spans);
            nextDay = day.plusDays(1);
        }
        return buffer.poll();
    }

    /** The first day on or after {@code from} that can contribute a span, or null if none ever will. */
    private LocalDate nextCandidateDay(LocalDate from) {
        LocalDate day = from;
        while (!day.isAfter(horizon)) {
            DateException exception = DayPlan.exceptionOn(schedule.exceptions(), day);
            if (exception != null) {
                if (exception.state() == PowerState.ON) {
                    return day;
                }
                LocalDate afterRange = exception.last().plusDays(1);
                LocalDate nestedStart = nextExceptionStartAfter(day);
                day = nestedStart != null && nestedStart.isBefore(afterRange) ? nestedStart : afterRange;
            } else if (windowOn[day.getDayOfWeek().getValue() - 1]) {
                return day;
            } else if (!anyWindow) {
                day = nextExceptionStartAfter(day);
                if (day == null) {
                    return null;
                }
            } else {
                day = day.plusDays(1);
            }
        }
        return null;
    }

    private LocalDate nextExceptionStartAfter(LocalDate day) {
        LocalDate best = null;
        for (DateException exception : schedule.exceptions()) {
            if (exception.first().isAfter(day) && (best == null || exception.first().isBefore(best))) {
                best = exception.first();
            }
        }
        return best;
    }
}
