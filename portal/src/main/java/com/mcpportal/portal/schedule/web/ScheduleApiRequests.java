package com.mcpportal.portal.schedule.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.mcpportal.portal.cloud.TaskRange;
import com.mcpportal.portal.schedule.ManualOverride;
import com.mcpportal.portal.schedule.PowerState;
import com.mcpportal.portal.schedule.Schedule;
import com.mcpportal.portal.schedule.ScheduleFieldError;
import com.mcpportal.portal.schedule.ScheduleRejectedException;
import com.mcpportal.portal.schedule.WhenDisabled;
import com.mcpportal.portal.web.InvalidInputException;

/**
 * The JSON bodies the schedule REST API accepts, read into a {@link Schedule} or {@link ManualOverride} with every
 * problem addressed to its JSON field ({@code windows[1].end}), the same field names the validator uses. Times and
 * dates are text ("08:00", "2026-12-24") so a typo is a 422 beside its field, not an unreadable body.
 */
final class ScheduleApiRequests {

    private ScheduleApiRequests() {
    }

    /**
     * A whole plan (PUT replaces it): the same fields the GET answers, so a client can edit what it read.
     *
     * @param enabled      absent: true
     * @param whenDisabled ALWAYS_ON (absent) or ALWAYS_OFF
     * @param windows      required; an empty list keeps the environment off outside its exceptions
     * @param exceptions   absent: none
     */
    record ScheduleBody(String zone, Boolean enabled, String whenDisabled, List<WindowBody> windows,
            List<ExceptionBody> exceptions) {
    }

    /** A weekly window: day (MONDAY…SUNDAY), start and end as HH:MM; an end at or before the start crosses midnight. */
    record WindowBody(String day, String start, String end) {
    }

    /** A date or range (first–last, last optional), ON or OFF, optional hours for an ON day. */
    record ExceptionBody(String first, String last, String state, String start, String end) {
    }

    /**
     * "Keep on/off until …".
     *
     * @param until an instant with offset ({@code 2026-12-07T17:00:00Z}) or a local date-time in the schedule's zone
     *              ({@code 2026-12-07T18:00})
     */
    record OverrideBody(String state, String until) {
    }

    /** "Keep hours in AWS" on or off: {@code {"keepInCloud": true}}. */
    record MirrorBody(Boolean keepInCloud) {
    }

    /** The option in the body; a missing body or field is a 422 beside {@code keepInCloud}. */
    static boolean keepInCloud(MirrorBody body) {
        if (body == null || body.keepInCloud() == null) {
            throw new InvalidInputException("keepInCloud",
                    "Say true to keep the hours in AWS, false to stop.");
        }
        return body.keepInCloud();
    }

    /** CPU autoscaling while on: {@code {"minTasks": 1, "maxTasks": 4, "cpuTargetPercent": 60}}. */
    record AutoscalingBody(Integer minTasks, Integer maxTasks, Integer cpuTargetPercent) {
    }

    /** The range in the body; a missing field or one out of range is a 422 beside it. */
    static TaskRange autoscaling(AutoscalingBody body) {
        if (body == null || body.minTasks() == null) {
            throw new InvalidInputException("minTasks", "Give the fewest tasks while on, 1 to 10.");
        }
        if (body.maxTasks() == null || body.maxTasks() < body.minTasks() || body.maxTasks() > 10) {
            throw new InvalidInputException("maxTasks", "Give the most tasks while on: at least minTasks, at most 10.");
        }
        if (body.cpuTargetPercent() == null || body.cpuTargetPercent() < 10 || body.cpuTargetPercent() > 90) {
            throw new InvalidInputException("cpuTargetPercent", "Give the CPU target as a percentage from 10 to 90.");
        }
        if (body.minTasks() < 1) {
            throw new InvalidInputException("minTasks", "Give the fewest tasks while on, 1 to 10.");
        }
        return new TaskRange(body.minTasks(), body.maxTasks(), body.cpuTargetPercent());
    }

    /** The plan in the body, or {@link ScheduleRejectedException} with every field at fault; nothing is saved. */
    static Schedule plan(ScheduleBody body) {
        if (body == null) {
            throw rejected(Map.of("zone", "Send the schedule as JSON: zone, windows, and optionally exceptions,"
                    + " enabled and whenDisabled."));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        WhenDisabled whenDisabled = whenDisabled(body.whenDisabled(), errors);
        if (body.windows() == null) {
            errors.put("windows", "Give the weekly windows (an empty list keeps the environment off).");
        }
        List<ScheduleForm.WindowRow> windows = new ArrayList<>();
        List<WindowBody> givenWindows = body.windows() == null ? List.of() : body.windows();
        for (int i = 0; i < givenWindows.size(); i++) {
            WindowBody window = givenWindows.get(i);
            ScheduleForm.WindowRow row = window == null ? null
                    : new ScheduleForm.WindowRow(upper(window.day()), window.start(), window.end(), false);
            if (row == null || row.blank()) {
                // The form skips blank rows silently; in a JSON list an empty entry is a mistake worth naming.
                errors.put("windows[" + i + "]", "Give day, start and end, e.g. {\"day\": \"MONDAY\", \"start\":"
                        + " \"08:00\", \"end\": \"20:00\"}.");
                row = new ScheduleForm.WindowRow("", "", "", false);
            }
            windows.add(row);
        }
        List<ScheduleForm.ExceptionRow> exceptions = new ArrayList<>();
        List<ExceptionBody> givenExceptions = body.exceptions() == null ? List.of() : body.exceptions();
        for (int i = 0; i < givenExceptions.size(); i++) {
            ExceptionBody exception = givenExceptions.get(i);
            ScheduleForm.ExceptionRow row = exception == null ? null : new ScheduleForm.ExceptionRow(exception.first(),
                    exception.last(), upper(exception.state()), exception.start(), exception.end(), false);
            if (row == null || row.blank()) {
                errors.put("exceptions[" + i + "]", "Give at least the first day and the state, e.g."
                        + " {\"first\": \"2026-12-24\", \"state\": \"OFF\"}.");
                row = new ScheduleForm.ExceptionRow("", "", "OFF", "", "", false);
            }
            exceptions.add(row);
        }
        ScheduleForm.Parsed parsed = new ScheduleForm(body.zone(), windows, exceptions, body.enabled(), whenDisabled)
                .parse();
        parsed.errors().forEach(errors::putIfAbsent);
        if (!errors.isEmpty()) {
            throw rejected(errors);
        }
        return parsed.schedule();
    }

    /** The override in the body, read in the schedule's zone when {@code until} has no offset. */
    static ManualOverride override(OverrideBody body, ZoneId zone) {
        Map<String, String> errors = new LinkedHashMap<>();
        PowerState state = body == null ? null : state(body.state());
        if (state == null) {
            errors.put("state", "Give ON (keep on) or OFF (keep off).");
        }
        Optional<Instant> until = body == null ? Optional.empty() : until(body.until(), zone);
        if (until.isEmpty()) {
            errors.put("until", "Give when it ends: an instant such as 2026-12-07T17:00:00Z, or a local date-time"
                    + " in the schedule's zone (" + zone.getId() + ") such as 2026-12-07T18:00.");
        }
        if (!errors.isEmpty()) {
            throw rejected(errors);
        }
        return new ManualOverride(state, until.get());
    }

    /** The validator names override fields {@code override.until}; the override body calls it {@code until}. */
    static ScheduleRejectedException forOverrideBody(ScheduleRejectedException rejected) {
        return new ScheduleRejectedException(rejected.errors().stream()
                .map(error -> new ScheduleFieldError(error.field().startsWith("override.")
                        ? error.field().substring("override.".length()) : error.field(), error.message()))
                .toList());
    }

    private static Optional<Instant> until(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.trim()).toInstant());
        } catch (DateTimeParseException noOffset) {
            return new OverrideForm(PowerState.ON, text).toOverride(zone).map(ManualOverride::until);
        }
    }

    private static PowerState state(String text) {
        String upper = upper(text);
        return "ON".equals(upper) ? PowerState.ON : "OFF".equals(upper) ? PowerState.OFF : null;
    }

    private static WhenDisabled whenDisabled(String text, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return WhenDisabled.ALWAYS_ON;
        }
        try {
            return WhenDisabled.valueOf(upper(text));
        } catch (IllegalArgumentException unknown) {
            errors.put("whenDisabled", "Give ALWAYS_ON or ALWAYS_OFF.");
            return WhenDisabled.ALWAYS_ON;
        }
    }

    private static String upper(String text) {
        return text == null ? null : text.trim().toUpperCase(Locale.ROOT);
    }

    private static ScheduleRejectedException rejected(Map<String, String> errors) {
        return new ScheduleRejectedException(errors.entrySet().stream()
                .map(error -> new ScheduleFieldError(error.getKey(), error.getValue())).toList());
    }
}
