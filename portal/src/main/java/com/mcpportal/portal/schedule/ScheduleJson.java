package com.mcpportal.portal.schedule;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON the schedule tables keep windows and exceptions in: ISO days, dates and wall-clock times as text,
 * so a person reading the row (or writing it in SQL) sees what the page shows.
 */
public final class ScheduleJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<WindowRow>> WINDOWS = new TypeReference<>() {
    };
    private static final TypeReference<List<ExceptionRow>> EXCEPTIONS = new TypeReference<>() {
    };

    record WindowRow(String day, String start, String end) {
    }

    record ExceptionRow(String first, String last, String state, String start, String end) {
    }

    private ScheduleJson() {
    }

    public static String windows(List<ScheduleWindow> windows) {
        return JSON.writeValueAsString(windows.stream()
                .map(w -> new WindowRow(w.day().name(), w.start().toString(), w.end().toString())).toList());
    }

    public static String exceptions(List<DateException> exceptions) {
        return JSON.writeValueAsString(exceptions.stream()
                .map(e -> new ExceptionRow(e.first().toString(), e.last().toString(), e.state().name(),
                        text(e.start()), text(e.end()))).toList());
    }

    public static List<ScheduleWindow> windows(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        return JSON.readValue(json, WINDOWS).stream()
                .map(row -> new ScheduleWindow(DayOfWeek.valueOf(row.day()), LocalTime.parse(row.start()),
                        LocalTime.parse(row.end()))).toList();
    }

    public static List<DateException> exceptions(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        return JSON.readValue(json, EXCEPTIONS).stream()
                .map(row -> new DateException(LocalDate.parse(row.first()), LocalDate.parse(row.last()),
                        PowerState.valueOf(row.state()), time(row.start()), time(row.end()))).toList();
    }

    private static String text(LocalTime time) {
        return time == null ? null : time.toString();
    }

    private static LocalTime time(String text) {
        return text == null ? null : LocalTime.parse(text);
    }
}
