package com.mcpportal.portal.schedule.web;

import java.util.Optional;

import com.mcpportal.portal.cloud.TaskRange;

import org.springframework.validation.Errors;

/**
 * The schedule page's "CPU autoscaling while on" form, kept as typed text: a value that is not a number comes back
 * beside its field with what was typed, instead of failing the binding.
 */
record AutoscalingForm(String minTasks, String maxTasks, String cpuTarget) {

    /** What the form offers: the environment's range, or one to three tasks around 60 % CPU. */
    static AutoscalingForm of(TaskRange range) {
        return range == null ? new AutoscalingForm("1", "3", "60")
                : new AutoscalingForm(String.valueOf(range.minTasks()), String.valueOf(range.maxTasks()),
                        String.valueOf(range.cpuTargetPercent()));
    }

    /** The range, or empty with each wrong value rejected beside its field. */
    Optional<TaskRange> toRange(Errors errors) {
        Integer min = whole(minTasks, 1, TaskRange.MAX_TASKS, "minTasks", "Fewest tasks", errors);
        Integer max = whole(maxTasks, 1, TaskRange.MAX_TASKS, "maxTasks", "Most tasks", errors);
        Integer cpu = whole(cpuTarget, 10, 90, "cpuTarget", "The CPU target", errors);
        if (min != null && max != null && max < min) {
            errors.rejectValue("maxTasks", "order", "Most tasks: at least the fewest (" + min + ").");
        }
        return errors.hasErrors() ? Optional.empty() : Optional.of(new TaskRange(min, max, cpu));
    }

    private static Integer whole(String typed, int lowest, int highest, String field, String name, Errors errors) {
        try {
            int value = Integer.parseInt(typed == null ? "" : typed.trim());
            if (value >= lowest && value <= highest) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // said below, with the range
        }
        errors.rejectValue(field, "range", name + ": a whole number from " + lowest + " to " + highest + ".");
        return null;
    }
}
