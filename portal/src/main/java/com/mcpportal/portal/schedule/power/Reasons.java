package com.mcpportal.portal.schedule.power;

import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.mcpportal.portal.schedule.DateException;
import com.mcpportal.portal.schedule.ManualOverride;
import com.mcpportal.portal.schedule.Schedule;
import com.mcpportal.portal.schedule.ScheduleWindow;

/** The sentences transitions carry into audit events and pages ("window Mon 08:00–20:00 Europe/Berlin opened"). */
public final class Reasons {

    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz", Locale.ENGLISH);

    private Reasons() {
    }

    public static String opened(Object source, Schedule schedule) {
        return describe(source, schedule) + (source instanceof ScheduleWindow ? " opened" : " began");
    }

    public static String closed(Object source, Schedule schedule) {
        return describe(source, schedule) + (source instanceof ScheduleWindow ? " closed" : " ended");
    }

    public static String overrideExpired(ManualOverride override, Schedule schedule) {
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
