package com.mcpportal.portal.cost;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.mcpportal.portal.schedule.Schedule;
import com.mcpportal.portal.schedule.ScheduleWindow;
import com.mcpportal.portal.schedule.WhenDisabled;

/** A schedule in a few words for the cost pages: "Mon–Fri 08:00–20:00 (UTC)", "always on (schedule disabled)". */
final class ScheduleSummary {

    private ScheduleSummary() {
    }

    static String describe(Schedule schedule, Instant now) {
        List<String> parts = new ArrayList<>();
        if (!schedule.enabled()) {
            parts.add(schedule.whenDisabled() == WhenDisabled.ALWAYS_ON ? "always on (schedule disabled)"
                    : "always off (schedule disabled)");
        } else if (schedule.windows().isEmpty()) {
            parts.add("no weekly hours");
        } else if (alwaysOn(schedule.windows())) {
            parts.add("24/7");
        } else {
            parts.add(windows(schedule.windows()) + " (" + zoneName(schedule.zone()) + ")");
        }
        if (schedule.enabled() && !schedule.exceptions().isEmpty()) {
            parts.add(schedule.exceptions().size() + (schedule.exceptions().size() == 1 ? " date exception"
                    : " date exceptions"));
        }
        schedule.manualOverride().filter(override -> override.activeAt(now)).ifPresent(override ->
                parts.add("kept " + override.state().name().toLowerCase(Locale.ROOT) + " until " + override.until()));
        return String.join("; ", parts);
    }

    /** "UTC" rather than java.time's "Z" for the UTC offset. */
    static String zoneName(ZoneId zone) {
        return ZoneOffset.UTC.equals(zone.normalized()) ? "UTC" : zone.getId();
    }

    private static boolean alwaysOn(List<ScheduleWindow> windows) {
        Set<DayOfWeek> wholeDays = EnumSet.noneOf(DayOfWeek.class);
        windows.stream().filter(w -> w.start().equals(LocalTime.MIDNIGHT) && w.end().equals(LocalTime.MIDNIGHT))
                .forEach(w -> wholeDays.add(w.day()));
        return wholeDays.size() == 7;
    }

    /** Days with the same hours together, consecutive days as a range: "Mon–Fri 08:00–20:00, Sat 10:00–14:00". */
    private static String windows(List<ScheduleWindow> windows) {
        Map<String, TreeSet<DayOfWeek>> daysByHours = new LinkedHashMap<>();
        windows.stream().sorted((a, b) -> a.day().compareTo(b.day())).forEach(window ->
                daysByHours.computeIfAbsent(hours(window), key -> new TreeSet<>()).add(window.day()));
        List<String> parts = new ArrayList<>();
        daysByHours.forEach((hours, days) -> parts.add(days(days) + " " + hours));
        return String.join(", ", parts);
    }

    private static String hours(ScheduleWindow window) {
        // The label is "Mon 08:00–20:00"; the day is written separately here.
        String label = window.label();
        return label.substring(label.indexOf(' ') + 1);
    }

    private static String days(TreeSet<DayOfWeek> days) {
        if (days.size() == 7) {
            return "every day";
        }
        List<String> runs = new ArrayList<>();
        DayOfWeek runStart = null;
        DayOfWeek previous = null;
        for (DayOfWeek day : days) {
            if (previous != null && day.getValue() == previous.getValue() + 1) {
                previous = day;
                continue;
            }
            if (runStart != null) {
                runs.add(run(runStart, previous));
            }
            runStart = day;
            previous = day;
        }
        runs.add(run(runStart, previous));
        return String.join(", ", runs);
    }

    private static String run(DayOfWeek first, DayOfWeek last) {
        String start = first.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        if (first == last) {
            return start;
        }
        String end = last.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        return start + (last.getValue() == first.getValue() + 1 ? ", " : "\u2013") + end;
    }
}
