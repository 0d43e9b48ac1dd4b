package com.mcpportal.portal.cost;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import com.mcpportal.portal.schedule.Schedule;
import com.mcpportal.portal.schedule.ScheduleWindow;

/** The schedules the what-if offers; each keeps the environment's time zone. Custom hours come from the form. */
public enum SchedulePreset {
    CURRENT("Its current schedule"),
    ALWAYS_ON("24/7"),
    WEEKDAYS_08_20("Weekdays 08:00–20:00"),
    WEEKDAYS_07_19("Weekdays 07:00–19:00"),
    CUSTOM("Custom hours per day");

    private final String label;

    SchedulePreset(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The preset's schedule in the current schedule's zone; CUSTOM is built from the form instead. */
    Schedule schedule(Schedule current) {
        return switch (this) {
            case CURRENT -> current;
            case ALWAYS_ON -> Schedule.weekly(current.zone(), every(List.of(DayOfWeek.values()), "00:00", "00:00"));
            case WEEKDAYS_08_20 -> Schedule.weekly(current.zone(), every(weekdays(), "08:00", "20:00"));
            case WEEKDAYS_07_19 -> Schedule.weekly(current.zone(), every(weekdays(), "07:00", "19:00"));
            case CUSTOM -> throw new IllegalStateException("Custom hours come from the form");
        };
    }

    private static List<DayOfWeek> weekdays() {
        return List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
    }

    private static List<ScheduleWindow> every(List<DayOfWeek> days, String start, String end) {
        List<ScheduleWindow> windows = new ArrayList<>();
        for (DayOfWeek day : days) {
            windows.add(new ScheduleWindow(day, LocalTime.parse(start), LocalTime.parse(end)));
        }
        return windows;
    }
}
