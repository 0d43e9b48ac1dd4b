package com.mcpportal.portal.schedule.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.mcpportal.portal.schedule.Schedule;
import com.mcpportal.portal.schedule.WhenDisabled;

/**
 * Seven rows of 24 hour cells, each on, off or partly on, computed by the evaluator: the weekly pattern of the
 * windows, or the coming seven days with everything (exceptions, override, DST) in the schedule's zone.
 */
record WeekGrid(List<Row> rows) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    /** A Monday; in UTC there is no DST, so each local hour is one real hour. */
    private static final LocalDate REFERENCE_MONDAY = LocalDate.parse("2024-01-01");

    /** One day: its label and its hours. */
    record Row(String label, List<Cell> cells) {
    }

    /**
     * One local hour.
     *
     * @param level {@code on}, {@code off}, {@code part} or {@code gap} (an hour skipped by a DST change), a CSS class
     * @param title e.g. "Mon 08:00–09:00: on"
     * @param past  an hour that is over (shown faded)
     */
    record Cell(int hour, String level, String title, boolean past) {
    }

    /** The weekly windows alone, Monday to Sunday, as wall-clock hours (what the windows list says). */
    static WeekGrid pattern(Schedule schedule) {
        Schedule windowsOnly = new Schedule(ZoneOffset.UTC, schedule.windows(), List.of(), null, true,
                WhenDisabled.ALWAYS_ON);
        List<Row> rows = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            LocalDate date = REFERENCE_MONDAY.plusDays(day);
            rows.add(row(windowsOnly, date, DAY.format(date), Instant.MIN));
        }
        return new WeekGrid(rows);
    }

    /** Today and the six days after it in the schedule's zone, with exceptions, the override and DST. */
    static WeekGrid coming(Schedule schedule, Instant now) {
        LocalDate today = now.atZone(schedule.zone()).toLocalDate();
        List<Row> rows = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            LocalDate date = today.plusDays(day);
            rows.add(row(schedule, date, DATE.format(date), now));
        }
        return new WeekGrid(rows);
    }

    private static Row row(Schedule schedule, LocalDate date, String label, Instant now) {
        List<Cell> cells = new ArrayList<>(24);
        for (int hour = 0; hour < 24; hour++) {
            Instant start = ZonedDateTime.of(date, LocalTime.of(hour, 0), schedule.zone()).toInstant();
            Instant end = hour == 23 ? date.plusDays(1).atStartOfDay(schedule.zone()).toInstant()
                    : ZonedDateTime.of(date, LocalTime.of(hour + 1, 0), schedule.zone()).toInstant();
            String hours = DAY.format(date) + " " + twoDigits(hour) + ":00\u2013" + twoDigits(hour + 1) + ":00";
            if (!end.isAfter(start)) {
                cells.add(new Cell(hour, "gap", hours + ": skipped by the change to summer time", !end.isAfter(now)));
                continue;
            }
            Duration on = schedule.hoursOn(start, end);
            String level = on.isZero() ? "off" : on.equals(Duration.between(start, end)) ? "on" : "part";
            cells.add(new Cell(hour, level, hours + ": " + switch (level) {
                case "on" -> "on";
                case "off" -> "off";
                default -> "on for " + on.toMinutes() + " min";
            }, !end.isAfter(now)));
        }
        return new Row(label, cells);
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }
}
