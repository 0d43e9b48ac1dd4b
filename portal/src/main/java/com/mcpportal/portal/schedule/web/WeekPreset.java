package com.mcpportal.portal.schedule.web;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.mcpportal.portal.schedule.web.ScheduleForm.WindowRow;

/**
 * One-click weeks for the schedule editor. A preset replaces the weekly windows of the form (zone, exceptions and
 * the enabled setting stay); the page shows the result unsaved, so the person checks it and presses Save. It is
 * done on the server, so the buttons work without JavaScript. "Custom" is simply editing the rows.
 */
enum WeekPreset {

    WEEKDAYS_08_20("Weekdays 08–20", "Mon–Fri 08:00–20:00", weekdays("08:00", "20:00")),
    OFFICE_HOURS("Office hours 09–18", "Mon–Fri 09:00–18:00", weekdays("09:00", "18:00")),
    ALWAYS_ON("Always on", "every day around the clock", days(List.of(DayOfWeek.values()), "00:00", "00:00")),
    ALWAYS_OFF("Always off", "no window: only exceptions and overrides start it", List.of());

    /** Initialised after the constants (an enum's static fields are), so the constants must not use it. */
    private static final List<String> TUESDAY_TO_FRIDAY = List.of("TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");

    private final String label;
    private final String description;
    private final List<WindowRow> rows;

    WeekPreset(String label, String description, List<WindowRow> rows) {
        this.label = label;
        this.description = description;
        this.rows = rows;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    static Optional<WeekPreset> named(String name) {
        return Arrays.stream(values()).filter(preset -> preset.name().equals(name)).findFirst();
    }

    /** The form with this preset's windows instead of its own, enabled so that the windows decide. */
    ScheduleForm applyTo(ScheduleForm form) {
        return new ScheduleForm(form.zone(), rows, form.exceptions(), true, form.whenDisabled()).withBlankRows();
    }

    /**
     * The form with Monday's windows copied to Tuesday–Friday (their own windows are replaced); the weekend stays.
     * Empty when Monday has no window to copy.
     */
    static Optional<ScheduleForm> copyMondayToWeekdays(ScheduleForm form) {
        List<WindowRow> monday = form.windows().stream()
                .filter(row -> DayOfWeek.MONDAY.name().equals(row.day()) && !Boolean.TRUE.equals(row.remove()))
                .toList();
        if (monday.isEmpty()) {
            return Optional.empty();
        }
        List<WindowRow> rows = new ArrayList<>();
        for (WindowRow row : form.windows()) {
            if (!TUESDAY_TO_FRIDAY.contains(row.day())) {
                rows.add(row);
            }
        }
        for (String day : TUESDAY_TO_FRIDAY) {
            monday.forEach(row -> rows.add(new WindowRow(day, row.start(), row.end(), false)));
        }
        return Optional.of(new ScheduleForm(form.zone(), rows, form.exceptions(), form.enabled(), form.whenDisabled())
                .withBlankRows());
    }

    private static List<WindowRow> weekdays(String start, String end) {
        return days(List.of(DayOfWeek.values()).subList(0, 5), start, end);
    }

    private static List<WindowRow> days(List<DayOfWeek> days, String start, String end) {
        return days.stream().map(day -> new WindowRow(day.name(), start, end, false)).toList();
    }
}
