package com.mcpportal.portal.schedule;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The sentences transitions carry into audit events and pages ("window Mon 08:00–20:00 Europe/Berlin opened"). */
final class Reasons {

    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ENGLISH);

    private Reasons() {
    }

    static String opened(Object source, Schedule schedule) {
        return describe(source, schedule) + (source instanceof ScheduleWindow ? " opened" : " began");
    }

    static String closed(Object source, Schedule schedule) {
        return describe(source, schedule) + (source instanceof ScheduleWindow ? " closed" : " ended");
    }

    static String overrideExpired(ManualOverride override, Schedule schedule) {
        String base = "manual override (keep " + override.state().word() + " until "
                + UNTIL.format(override.until().atZone(schedule.zone())) + ") expired";
        return schedule.enabled() ? base
                : base + "; schedule disabled (always " + schedule.whenDisabled().state().word() + ")";
    }

    private static String describe(Object source, Schedule schedule) {
        if (source instanceof ScheduleWindow window) {
            return "window " + window.label() + " " + schedule.zone().getId();
        }
        DateException exception = (DateException) source;
        return "exception " + exception.label() + " " + schedule.zone().getId();
    }
}
