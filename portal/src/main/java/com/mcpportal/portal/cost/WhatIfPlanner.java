package com.mcpportal.portal.cost;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.FargateSize;
import com.mcpportal.portal.cost.web.WhatIfForm;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentSpec;
import com.mcpportal.portal.schedule.Schedule;
import com.mcpportal.portal.schedule.ScheduleWindow;

import org.springframework.validation.Errors;

/** Checks a what-if form and turns it into the sizing and schedule to price; problems go beside their fields. */
public final class WhatIfPlanner {

    private WhatIfPlanner() {
    }

    public static Optional<WhatIfPlan> plan(WhatIfForm form, Environment environment, Schedule current, Errors errors) {
        FargateSize size = size(form.getSize(), errors);
        Architecture architecture = choice(Architecture.class, form.getArchitecture());
        if (architecture == null) {
            errors.rejectValue("architecture", "required", "Choose ARM64 or x86_64.");
        }
        if (!EnvironmentSpec.natInstanceTypes().contains(form.getNatInstanceType())) {
            errors.rejectValue("natInstanceType", "unknown", "Choose one of " + EnvironmentSpec.natInstanceTypes() + ".");
        }
        SchedulePreset preset = choice(SchedulePreset.class, form.getSchedule());
        Schedule schedule = null;
        if (preset == null) {
            errors.rejectValue("schedule", "required", "Choose a schedule.");
        } else if (preset == SchedulePreset.CUSTOM) {
            schedule = custom(form, current, errors);
        } else {
            schedule = preset.schedule(current);
        }
        if (errors.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new WhatIfPlan(Sizings.of(size, architecture, form.isFargateSpot(),
                form.getNatInstanceType(), form.isNatSpot(), environment.getLogRetentionDays()), schedule));
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String name) {
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(name)) {
                return value;
            }
        }
        return null;
    }

    private static FargateSize size(String value, Errors errors) {
        if (value == null || !value.matches("\\d{1,6}/\\d{1,7}")) {
            errors.rejectValue("size", "format", "Choose a size.");
            return null;
        }
        String[] parts = value.split("/");
        FargateSize size = new FargateSize(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        Optional<String> problem = size.validate();
        problem.ifPresent(message -> errors.rejectValue("size", "invalid", message + "."));
        return problem.isPresent() ? null : size;
    }

    /** One window per day with both times; a day with neither is off. */
    private static Schedule custom(WhatIfForm form, Schedule current, Errors errors) {
        List<ScheduleWindow> windows = new ArrayList<>();
        for (int day = 0; day < 7; day++) {
            String start = at(form.getStart(), day);
            String end = at(form.getEnd(), day);
            if (start.isEmpty() && end.isEmpty()) {
                continue;
            }
            if (start.isEmpty() || end.isEmpty()) {
                errors.rejectValue((start.isEmpty() ? "start[" : "end[") + day + "]", "required",
                        "Give both times, or neither for a day off.");
                continue;
            }
            LocalTime from = time(start, "start[" + day + "]", errors);
            LocalTime to = time(end, "end[" + day + "]", errors);
            if (from == null || to == null) {
                continue;
            }
            if (from.equals(to) && !from.equals(LocalTime.MIDNIGHT)) {
                errors.rejectValue("end[" + day + "]", "empty", "The end must differ from the start"
                        + " (00:00 to 00:00 is the whole day).");
                continue;
            }
            windows.add(new ScheduleWindow(DayOfWeek.of(day + 1), from, to));
        }
        return Schedule.weekly(current.zone(), windows);
    }

    private static String at(String[] values, int index) {
        return values == null || index >= values.length || values[index] == null ? "" : values[index].trim();
    }

    private static LocalTime time(String text, String field, Errors errors) {
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            errors.rejectValue(field, "format", "Write the time as HH:MM, e.g. 08:00.");
            return null;
        }
    }
}
