package com.mcpportal.portal.schedule.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mcpportal.portal.schedule.DateException;
import com.mcpportal.portal.schedule.PowerState;
import com.mcpportal.portal.schedule.Schedule;
import com.mcpportal.portal.schedule.ScheduleValidator;
import com.mcpportal.portal.schedule.ScheduleWindow;
import com.mcpportal.portal.schedule.WhenDisabled;

/**
 * The schedule editor's form: zone, window rows, exception rows, enabled and what "disabled" means. Rows left
 * blank are ignored (the page always offers a few, so it works without JavaScript), and rows ticked "remove"
 * are dropped. {@link #parse()} turns it into a {@link Schedule} or into errors addressed to form fields, and
 * {@link #fieldOf} maps the validator's fields ({@code windows[2].end}, counted among real rows) back to rows.
 */
record ScheduleForm(String zone, List<WindowRow> windows, List<ExceptionRow> exceptions, Boolean enabled,
        WhenDisabled whenDisabled) {

    /** Blank rows the page adds below the real ones. */
    static final int BLANK_WINDOWS = 3;
    static final int BLANK_EXCEPTIONS = 2;

    private static final Pattern INDEXED = Pattern.compile("^(windows|exceptions)\\[(\\d+)](.*)$");
    private static final Pattern TIME = Pattern.compile("^\\d{1,2}:\\d{2}(:\\d{2})?$");

    /** One weekly window: day (MONDAY…), start and end as HH:MM. */
    record WindowRow(String day, String start, String end, Boolean remove) {

        boolean blank() {
            return isBlank(day) && isBlank(start) && isBlank(end);
        }
    }

    /** One date exception: first and last day (ISO dates), ON or OFF, optional hours for an ON day. */
    record ExceptionRow(String first, String last, String state, String start, String end, Boolean remove) {

        boolean blank() {
            return isBlank(first) && isBlank(last) && isBlank(start) && isBlank(end);
        }
    }

    /** What the form holds: a schedule (when every field could be read) and errors by form field. */
    record Parsed(Schedule schedule, Map<String, String> errors, List<Integer> windowRows, List<Integer> exceptionRows) {
    }

    ScheduleForm {
        // A gap in the posted indices (windows[0], windows[2]) binds as a null row: a blank one keeps the numbering.
        windows = windows == null ? List.of() : windows.stream()
                .map(row -> row == null ? new WindowRow("", "", "", false) : row).toList();
        exceptions = exceptions == null ? List.of() : exceptions.stream()
                .map(row -> row == null ? new ExceptionRow("", "", "OFF", "", "", false) : row).toList();
    }

    static ScheduleForm of(Schedule schedule) {
        List<WindowRow> windowRows = new ArrayList<>();
        schedule.windows().forEach(w -> windowRows.add(new WindowRow(w.day().name(), text(w.start()), text(w.end()),
                false)));
        List<ExceptionRow> exceptionRows = new ArrayList<>();
        schedule.exceptions().forEach(e -> exceptionRows.add(new ExceptionRow(e.first().toString(),
                e.last().toString(), e.state().name(), e.start() == null ? "" : text(e.start()),
                e.end() == null ? "" : text(e.end()), false)));
        return new ScheduleForm(schedule.zone().getId(), windowRows, exceptionRows, schedule.enabled(),
                schedule.whenDisabled()).withBlankRows();
    }

    /** The same form with blank rows to fill in at the end. */
    ScheduleForm withBlankRows() {
        List<WindowRow> windowRows = new ArrayList<>(windows.stream().filter(row -> !row.blank()).toList());
        for (int i = 0; i < BLANK_WINDOWS; i++) {
            windowRows.add(new WindowRow("", "", "", false));
        }
        List<ExceptionRow> exceptionRows = new ArrayList<>(exceptions.stream().filter(row -> !row.blank()).toList());
        for (int i = 0; i < BLANK_EXCEPTIONS; i++) {
            exceptionRows.add(new ExceptionRow("", "", "OFF", "", "", false));
        }
        return new ScheduleForm(zone, windowRows, exceptionRows, enabled, whenDisabled);
    }

    Parsed parse() {
        Map<String, String> errors = new LinkedHashMap<>();
        ZoneId parsedZone = ScheduleValidator.parseZone(zone).orElse(null);
        ScheduleValidator.checkZone(zone).ifPresent(error -> errors.put("zone", error.message()));
        List<ScheduleWindow> parsedWindows = new ArrayList<>();
        List<Integer> windowRows = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            WindowRow row = windows.get(i);
            if (row.blank() || Boolean.TRUE.equals(row.remove())) {
                continue;
            }
            String field = "windows[" + i + "]";
            DayOfWeek day = day(row.day()).orElse(null);
            if (day == null) {
                errors.put(field + ".day", "Choose a day.");
            }
            LocalTime start = time(row.start(), field + ".start", errors);
            LocalTime end = time(row.end(), field + ".end", errors);
            if (day != null && start != null && end != null) {
                parsedWindows.add(new ScheduleWindow(day, start, end));
                windowRows.add(i);
            }
        }
        List<DateException> parsedExceptions = new ArrayList<>();
        List<Integer> exceptionRows = new ArrayList<>();
        for (int i = 0; i < exceptions.size(); i++) {
            ExceptionRow row = exceptions.get(i);
            if (row.blank() || Boolean.TRUE.equals(row.remove())) {
                continue;
            }
            Optional<DateException> exception = exception(row, "exceptions[" + i + "]", errors);
            if (exception.isPresent()) {
                parsedExceptions.add(exception.get());
                exceptionRows.add(i);
            }
        }
        Schedule schedule = errors.isEmpty() ? new Schedule(parsedZone, parsedWindows, parsedExceptions, null,
                !Boolean.FALSE.equals(enabled), whenDisabled == null ? WhenDisabled.ALWAYS_ON : whenDisabled) : null;
        return new Parsed(schedule, errors, windowRows, exceptionRows);
    }

    /** The form field for a validator field: {@code windows[1].end} of the schedule is the row it came from. */
    static String fieldOf(String scheduleField, Parsed parsed) {
        Matcher matcher = INDEXED.matcher(scheduleField);
        if (!matcher.matches()) {
            return scheduleField;
        }
        List<Integer> rows = matcher.group(1).equals("windows") ? parsed.windowRows() : parsed.exceptionRows();
        int index = Integer.parseInt(matcher.group(2));
        String suffix = matcher.group(3).isEmpty() ? (matcher.group(1).equals("windows") ? ".start" : ".first")
                : matcher.group(3);
        return matcher.group(1) + "[" + (index < rows.size() ? rows.get(index) : index) + "]" + suffix;
    }

    private static Optional<DateException> exception(ExceptionRow row, String field, Map<String, String> errors) {
        LocalDate first = date(row.first(), field + ".first", "Give the first day.", errors);
        LocalDate last = isBlank(row.last()) ? first : date(row.last(), field + ".last", null, errors);
        PowerState state = "ON".equals(row.state()) ? PowerState.ON : "OFF".equals(row.state()) ? PowerState.OFF : null;
        if (state == null) {
            errors.put(field + ".state", "Choose on or off.");
        }
        LocalTime start = isBlank(row.start()) ? null : time(row.start(), field + ".start", errors);
        LocalTime end = isBlank(row.end()) ? null : time(row.end(), field + ".end", errors);
        if (first == null || last == null || state == null || (!isBlank(row.start()) && start == null)
                || (!isBlank(row.end()) && end == null)) {
            return Optional.empty();
        }
        return Optional.of(new DateException(first, last, state, start, end));
    }

    private static Optional<DayOfWeek> day(String text) {
        try {
            return isBlank(text) ? Optional.empty() : Optional.of(DayOfWeek.valueOf(text.trim()));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** HH:MM (24:00 is accepted as midnight at the end of the day, which the schedule writes 00:00). */
    private static LocalTime time(String text, String field, Map<String, String> errors) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            errors.put(field, "Give a time, for example 08:00.");
            return null;
        }
        if (trimmed.equals("24:00")) {
            return LocalTime.MIDNIGHT;
        }
        try {
            if (TIME.matcher(trimmed).matches()) {
                return LocalTime.parse(trimmed.length() == 4 ? "0" + trimmed : trimmed);
            }
        } catch (DateTimeParseException invalid) {
            // falls through to the message
        }
        errors.put(field, "\"" + trimmed + "\" is not a time; use HH:MM between 00:00 and 24:00.");
        return null;
    }

    private static LocalDate date(String text, String field, String missing, Map<String, String> errors) {
        if (isBlank(text)) {
            errors.put(field, missing == null ? "Give a date." : missing);
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException invalid) {
            errors.put(field, "\"" + text.trim() + "\" is not a date; use YYYY-MM-DD.");
            return null;
        }
    }

    private static String text(LocalTime time) {
        String hhmm = time.toString();
        return time.getSecond() == 0 && time.getNano() == 0 ? hhmm.substring(0, 5) : hhmm;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
