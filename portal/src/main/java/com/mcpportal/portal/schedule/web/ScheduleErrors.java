package com.mcpportal.portal.schedule.web;

import java.util.Map;

import com.mcpportal.portal.team.TeamGrant;

import org.springframework.validation.BindingResult;

/** Puts schedule problems beside their fields (or at the top of the form when they have none). */
final class ScheduleErrors {

    static final String ARCHIVED = "This team is archived. Restore it to make changes.";

    private ScheduleErrors() {
    }

    static boolean refuseArchived(TeamGrant team, BindingResult errors) {
        if (team.archived()) {
            errors.reject("archived", ARCHIVED);
        }
        return team.archived();
    }

    static void reject(BindingResult errors, Map<String, String> byField) {
        byField.forEach((field, message) -> reject(errors, field, message));
    }

    static void reject(BindingResult errors, String field, String message) {
        if (field == null) {
            errors.reject("invalid", message);
        } else if (!errors.hasFieldErrors(field)) {
            errors.rejectValue(field, "invalid", message);
        }
    }
}
