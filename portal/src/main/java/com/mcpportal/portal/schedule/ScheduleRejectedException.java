package com.mcpportal.portal.schedule;

import java.util.List;
import java.util.stream.Collectors;

import com.mcpportal.portal.web.InvalidFieldsException;

/**
 * A schedule (or override) that {@link ScheduleValidator} refused; nothing was saved. Each error names its field
 * in Spring's binding syntax, so a form shows it beside the field and an API returns it as JSON.
 */
public class ScheduleRejectedException extends InvalidFieldsException {

    private final transient List<ScheduleFieldError> errors;

    public ScheduleRejectedException(List<ScheduleFieldError> errors) {
        super(errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")),
                errors.stream().map(e -> new FieldMessage(e.field(), e.message())).toList());
        this.errors = List.copyOf(errors);
    }

    public List<ScheduleFieldError> errors() {
        return errors;
    }
}
