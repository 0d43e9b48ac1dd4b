package com.mcpportal.portal.schedule;

/**
 * One problem with a schedule, addressed to a form field in Spring's binding syntax
 * ({@code zone}, {@code windows[2].end}, {@code exceptions[0].last}, {@code override.until}),
 * so a controller can pass it straight to {@code BindingResult.rejectValue}.
 */
public record ScheduleFieldError(String field, String message) {
}
