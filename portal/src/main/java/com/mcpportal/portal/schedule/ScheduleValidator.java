package com.mcpportal.portal.schedule;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks a schedule the way a person would want to hear about mistakes: every problem, beside its field. */
public final class ScheduleValidator {

    private static final int WEEK = 7 * WallClockSpan.DAY;

    private ScheduleValidator() {
    }

    /** An IANA zone such as Europe/Berlin; raw offsets ("+02:00") and unknown names are refused. */
    public static Optional<ZoneId> parseZone(String zoneId) {
        if (zoneId == null || zoneId.isBlank()) {
            return Optional.empty();
        }
        try {
            ZoneId zone = ZoneId.of(zoneId.trim());
            return ZoneId.getAvailableZoneIds().contains(zone.getId()) ? Optional.of(zone) : Optional.empty();
        } catch (DateTimeException unknown) {
            return Optional.empty();
        }
    }

    /** The error for the {@code zone} field, if the text is not a known IANA zone. */
    public static Optional<ScheduleFieldError> checkZone(String zoneId) {
        if (parseZone(zoneId).isPresent()) {
            return Optional.empty();
        }
        String shown = zoneId == null ? "" : zoneId.trim();
        return Optional.of(new ScheduleFieldError("zone", shown.isEmpty()
                ? "Choose a time zone, for example Europe/Berlin."
                : "Unknown time zone \"" + shown + "\". Use an IANA name such as Europe/Berlin or America/New_York."));
    }

    /** Every problem with the windows, exceptions and override; empty when the schedule can be saved. */
    public static List<ScheduleFieldError> validate(Schedule schedule, Instant now) {
        List<ScheduleFieldError> errors = new ArrayList<>();
        checkZone(schedule.zone().getId()).ifPresent(errors::add);
        checkWindows(schedule.windows(), errors);
        checkExceptions(schedule.exceptions(), errors);
        ManualOverride override = schedule.override();
        if (override != null && !override.until().isAfter(now)) {
            errors.add(new ScheduleFieldError("override.until", "The override must end in the future."));
        }
        return errors;
    }

    private static void checkWindows(List<ScheduleWindow> windows, List<ScheduleFieldError> errors) {
        for (int i = 0; i < windows.size(); i++) {
            ScheduleWindow window = windows.get(i);
            for (int j = 0; j < i; j++) {
                ScheduleWindow other = windows.get(j);
                if (overlap(weekly(window), weekly(other))) {
                    errors.add(new ScheduleFieldError("windows[" + i + "]", "Overlaps the window " + other.label() + "."));
                    break;
                }
            }
        }
    }

    /** [start, end) in seconds after Monday 00:00; the end may run past the week's end (Sunday night). */
    private static long[] weekly(ScheduleWindow window) {
        long base = (long) (window.day().getValue() - 1) * WallClockSpan.DAY;
        return new long[] {base + window.startSecond(), base + window.endSecond()};
    }

    /** Overlap on the weekly circle: Sunday 22:00–02:00 meets Monday 01:00. */
    private static boolean overlap(long[] a, long[] b) {
        for (long shift = -WEEK; shift <= WEEK; shift += WEEK) {
            if (a[0] < b[1] + shift && b[0] + shift < a[1]) {
                return true;
            }
        }
        return false;
    }

    private static void checkExceptions(List<DateException> exceptions, List<ScheduleFieldError> errors) {
        for (int i = 0; i < exceptions.size(); i++) {
            DateException exception = exceptions.get(i);
            String field = "exceptions[" + i + "]";
            if (exception.last().isBefore(exception.first())) {
                errors.add(new ScheduleFieldError(field + ".last", "The last day (" + exception.last()
                        + ") is before the first day (" + exception.first() + ")."));
                continue;
            }
            if ((exception.start() == null) != (exception.end() == null)) {
                errors.add(new ScheduleFieldError(field + (exception.start() == null ? ".start" : ".end"),
                        "Give both a start and an end time, or neither for the whole day."));
            } else if (exception.hasHours() && exception.state() == PowerState.OFF) {
                errors.add(new ScheduleFieldError(field + ".start",
                        "Hours apply only to an ON exception; an OFF exception covers whole days."));
            }
            for (int j = 0; j < i; j++) {
                DateException other = exceptions.get(j);
                if (!other.last().isBefore(other.first()) && clashes(exception, other)) {
                    errors.add(new ScheduleFieldError(field + ".first", "Overlaps the exception " + other.label()
                            + ". Put a shorter exception inside a longer one, or split them."));
                    break;
                }
            }
        }
    }

    /** Two exceptions clash when they share a day without one lying strictly inside the other. */
    private static boolean clashes(DateException a, DateException b) {
        boolean share = !a.first().isAfter(b.last()) && !b.first().isAfter(a.last());
        if (!share) {
            return false;
        }
        boolean aInB = !a.first().isBefore(b.first()) && !a.last().isAfter(b.last());
        boolean bInA = !b.first().isBefore(a.first()) && !b.last().isAfter(a.last());
        return a.days() == b.days() || !(aInB || bInA);
    }
}
