package com.mcpportal.portal.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sentences about schedules for pages and audit details: "Mon–Fri 08:00–20:00 Europe/Berlin", "starts Mon 08:00
 * CET, in 14 h", and why the schedule wants an environment on or off right now.
 */
public final class ScheduleText {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE HH:mm z", Locale.ENGLISH);
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("EEE d MMM HH:mm z", Locale.ENGLISH);
    /** How far back {@link #currentReason} looks for the transition that led to the present state. */
    private static final List<Duration> LOOK_BACK = List.of(Duration.ofDays(1), Duration.ofDays(8), Duration.ofDays(370));

    private ScheduleText() {
    }

    /** "Mon–Fri 08:00–20:00, Sat 10:00–14:00 (Europe/Berlin)"; says so when disabled or empty. */
    public static String summary(Schedule schedule) {
        String zone = " (" + schedule.zone().getId() + ")";
        if (!schedule.enabled()) {
            return "disabled: always " + schedule.whenDisabled().state().word() + zone;
        }
        if (schedule.windows().isEmpty()) {
            return "no weekly windows: off unless an exception or override says on" + zone;
        }
        return windows(schedule.windows()) + zone;
    }

    /** Windows with the same hours grouped by day: "Mon–Fri 08:00–20:00, Sat 10:00–14:00". */
    static String windows(List<ScheduleWindow> windows) {
        Map<String, List<DayOfWeek>> byHours = new LinkedHashMap<>();
        windows.stream().sorted((a, b) -> a.day() != b.day() ? a.day().compareTo(b.day())
                        : a.start().compareTo(b.start()))
                .forEach(w -> byHours.computeIfAbsent(WallClockSpan.label(w.start(), w.end()), k -> new ArrayList<>())
                        .add(w.day()));
        return byHours.entrySet().stream().map(e -> days(e.getValue()) + " " + e.getKey())
                .collect(Collectors.joining(", "));
    }

    /** Everything about the schedule in one line, for audit details (before and after a change). */
    public static String full(Schedule schedule) {
        StringBuilder text = new StringBuilder(summary(schedule));
        if (!schedule.enabled() && !schedule.windows().isEmpty()) {
            text.append("; windows ").append(windows(schedule.windows()));
        }
        if (!schedule.exceptions().isEmpty()) {
            text.append("; exceptions ").append(schedule.exceptions().stream().map(DateException::label)
                    .collect(Collectors.joining(", ")));
        }
        if (schedule.override() != null) {
            text.append("; ").append(override(schedule.override(), schedule.zone()));
        }
        return text.toString();
    }

    /** "keep on until Fri 28 Nov 18:00 CET". */
    public static String override(ManualOverride override, ZoneId zone) {
        return "keep " + override.state().word() + " until " + UNTIL.format(override.until().atZone(zone));
    }

    /** "Mon 08:00 CET". */
    public static String at(Instant instant, ZoneId zone) {
        return WHEN.format(instant.atZone(zone));
    }

    /** "starts" or "stops". */
    public static String verb(PowerState state) {
        return state == PowerState.ON ? "starts" : "stops";
    }

    /** "in 14 h", "in 25 min", "in 3 d 4 h", "now". */
    public static String relative(Instant from, Instant to) {
        long minutes = Duration.between(from, to).toMinutes();
        if (minutes < 1) {
            return "now";
        }
        if (minutes < 60) {
            return "in " + minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            long rest = minutes % 60;
            return "in " + hours + " h" + (hours < 10 && rest != 0 ? " " + rest + " min" : "");
        }
        long days = hours / 24;
        long rest = hours % 24;
        return "in " + days + " d" + (rest != 0 ? " " + rest + " h" : "");
    }

    /**
     * Why the schedule wants {@code desiredStateAt(now)}: the override, the disabled setting, or the transition that
     * led to the present state ("window Mon 08:00–20:00 Europe/Berlin opened"). Used when the scheduler acts other
     * than exactly at an edge (the reconcile pass, a schedule just saved).
     */
    public static String currentReason(Schedule schedule, Instant now) {
        PowerState desired = schedule.desiredStateAt(now);
        ManualOverride override = schedule.override();
        if (override != null && override.activeAt(now)) {
            return "manual override (" + override(override, schedule.zone()) + ")";
        }
        if (!schedule.enabled()) {
            return "schedule disabled (always " + schedule.whenDisabled().state().word() + ")";
        }
        for (Duration back : LOOK_BACK) {
            TransitionCursor cursor = new TransitionCursor(schedule, now.minus(back));
            Transition last = null;
            for (Transition next = cursor.next(); next != null && !next.at().isAfter(now); next = cursor.next()) {
                last = next;
            }
            if (last != null && last.state() == desired) {
                return last.reason();
            }
        }
        return desired == PowerState.ON ? "the schedule is on" : "outside every window";
    }

    private static String days(List<DayOfWeek> days) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < days.size()) {
            int j = i;
            while (j + 1 < days.size() && days.get(j + 1).getValue() == days.get(j).getValue() + 1) {
                j++;
            }
            String first = name(days.get(i));
            parts.add(j - i >= 2 ? first + "\u2013" + name(days.get(j))
                    : j == i ? first : first + ", " + name(days.get(j)));
            i = j + 1;
        }
        return String.join(", ", parts);
    }

    private static String name(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }
}
