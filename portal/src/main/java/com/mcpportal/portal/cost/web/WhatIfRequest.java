package com.mcpportal.portal.cost.web;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mcpportal.portal.cost.SchedulePreset;
import com.mcpportal.portal.cost.WhatIfPlan;
import com.mcpportal.portal.cost.WhatIfPlanner;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.schedule.Schedule;
import com.mcpportal.portal.web.InvalidFieldsException;
import com.mcpportal.portal.web.InvalidFieldsException.FieldMessage;

import org.springframework.validation.BeanPropertyBindingResult;

/**
 * The REST API's what-if: the cost page's what-if inputs as JSON. Every field is optional; a missing one keeps the
 * environment's own setting, so {@code {"schedule": "ALWAYS_ON"}} prices the environment run 24/7. Checked by the
 * page's {@link WhatIfPlanner}, its messages reported per JSON field.
 *
 * @param size            Fargate size: {@code {"cpu": 256, "memoryMiB": 512}}
 * @param architecture    ARM64 or X86_64
 * @param natInstanceType one of the NAT instance types the environment form offers
 * @param schedule        CURRENT (default), ALWAYS_ON, WEEKDAYS_08_20, WEEKDAYS_07_19 or CUSTOM, in the
 *                        environment's time zone
 * @param hours           with CUSTOM only: one entry per day that is on, e.g.
 *                        {@code {"day": "MONDAY", "start": "08:00", "end": "20:00"}} (end 00:00 is midnight)
 */
record WhatIfRequest(Size size, String architecture, Boolean fargateSpot, String natInstanceType, Boolean natSpot,
                     String schedule, List<DayHours> hours) {

    /** A Fargate size in CPU units (1024 = 1 vCPU) and MiB. */
    record Size(Integer cpu, Integer memoryMiB) {
    }

    /** One day's hours on in a CUSTOM schedule. */
    record DayHours(String day, String start, String end) {
    }

    /** An empty body: the environment as it is (the what-if then equals the current estimate). */
    static final WhatIfRequest UNCHANGED = new WhatIfRequest(null, null, null, null, null, null, null);

    private static final Pattern DAY_FIELD = Pattern.compile("(start|end)\\[(\\d)]");

    /**
     * The sizing and schedule to price.
     *
     * @throws InvalidFieldsException every field the planner (or this mapping) refused, named as in the JSON body
     */
    WhatIfPlan plan(Environment environment, Schedule current) {
        List<FieldMessage> errors = new ArrayList<>();
        WhatIfForm form = WhatIfForm.of(environment);
        form.setSubmitted(true);
        if (size != null) {
            if (size.cpu() == null || size.memoryMiB() == null) {
                errors.add(new FieldMessage("size",
                        "Give both cpu and memoryMiB, e.g. {\"cpu\": 256, \"memoryMiB\": 512}."));
            }
            else {
                form.setSize(size.cpu() + "/" + size.memoryMiB());
            }
        }
        if (architecture != null) {
            form.setArchitecture(architecture.trim().toUpperCase(Locale.ROOT));
        }
        if (fargateSpot != null) {
            form.setFargateSpot(fargateSpot);
        }
        if (natInstanceType != null) {
            form.setNatInstanceType(natInstanceType.trim());
        }
        if (natSpot != null) {
            form.setNatSpot(natSpot);
        }
        if (schedule != null) {
            form.setSchedule(schedule.trim().toUpperCase(Locale.ROOT));
        }
        Map<Integer, Integer> entryOfDay = customHours(form, errors);
        BeanPropertyBindingResult planned = new BeanPropertyBindingResult(form, "whatIf");
        WhatIfPlan plan = WhatIfPlanner.plan(form, environment, current, planned).orElse(null);
        planned.getFieldErrors().forEach(error -> errors.add(new FieldMessage(jsonField(error.getField(), entryOfDay),
                error.getDefaultMessage())));
        if (!errors.isEmpty() || plan == null) {
            throw new InvalidFieldsException(errors.size() == 1 ? "1 field is not valid."
                    : errors.size() + " fields are not valid.", errors);
        }
        return plan;
    }

    /** Puts the custom hours into the form's Monday-first arrays; returns day index to its entry in {@code hours}. */
    private Map<Integer, Integer> customHours(WhatIfForm form, List<FieldMessage> errors) {
        Map<Integer, Integer> entryOfDay = new HashMap<>();
        boolean custom = SchedulePreset.CUSTOM.name().equals(form.getSchedule());
        if (hours == null || hours.isEmpty()) {
            if (custom) {
                form.setStart(new String[7]);
                form.setEnd(new String[7]);
            }
            return entryOfDay;
        }
        if (!custom) {
            errors.add(new FieldMessage("hours", "Give hours only with \"schedule\": \"CUSTOM\"."));
            return entryOfDay;
        }
        String[] start = new String[7];
        String[] end = new String[7];
        for (int i = 0; i < hours.size(); i++) {
            DayHours entry = hours.get(i);
            DayOfWeek day = entry == null ? null : day(entry.day());
            if (day == null) {
                errors.add(new FieldMessage("hours[" + i + "].day", "Name a day: MONDAY to SUNDAY."));
                continue;
            }
            int index = day.getValue() - 1;
            if (entryOfDay.putIfAbsent(index, i) != null) {
                errors.add(new FieldMessage("hours[" + i + "].day", "Give each day once."));
                continue;
            }
            start[index] = entry.start();
            end[index] = entry.end();
        }
        form.setStart(start);
        form.setEnd(end);
        return entryOfDay;
    }

    private static DayOfWeek day(String name) {
        try {
            return name == null ? null : DayOfWeek.valueOf(name.trim().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    /** The form's {@code start[0]} is Monday's start: in the JSON it is the {@code hours} entry naming Monday. */
    private static String jsonField(String formField, Map<Integer, Integer> entryOfDay) {
        Matcher dayField = DAY_FIELD.matcher(formField);
        if (dayField.matches()) {
            Integer entry = entryOfDay.get(Integer.parseInt(dayField.group(2)));
            return entry == null ? "hours" : "hours[" + entry + "]." + dayField.group(1);
        }
        return formField;
    }
}
