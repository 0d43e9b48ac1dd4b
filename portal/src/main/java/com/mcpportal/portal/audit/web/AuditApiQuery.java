package com.mcpportal.portal.audit.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.mcpportal.portal.audit.AuditFilter;
import com.mcpportal.portal.audit.AuditOutcome;
import com.mcpportal.portal.audit.AuditPosition;
import com.mcpportal.portal.audit.AuditSearch;
import com.mcpportal.portal.web.InvalidFieldsException;
import com.mcpportal.portal.web.InvalidFieldsException.FieldMessage;
import com.mcpportal.portal.web.InvalidInputException;

/**
 * The audit list's query parameters in the REST API, as sent: the page's filters with ISO instants for times,
 * plus {@code limit} and the opaque {@code cursor}. {@link #parse} checks them all at once and refuses the request
 * with every bad field (422) rather than searching for something else than was asked.
 *
 * @param team   on {@code /api/v1/audit-events} only: a team id, or {@code platform} for events without a team
 * @param action an action and its sub-actions ({@code team.member}), or a prefix ({@code environment.*})
 * @param from   ISO 8601 instant, inclusive ({@code 2026-03-01T09:00:00Z}, an offset instead of Z is fine)
 * @param to     ISO 8601 instant, exclusive
 * @param text   case-insensitive text anywhere in the details
 * @param limit  events per page, 1 to 200, default 50
 * @param cursor the {@code next} value of the previous page
 */
record AuditApiQuery(String team, String actor, String action, String targetType, String targetId, String outcome,
                     String from, String to, String text, String limit, String cursor) {

    static final String PLATFORM = "platform";

    /** A checked request: what to search, where to start, how many. */
    record Parsed(AuditFilter filter, AuditPosition position, int limit) {
    }

    /**
     * Checks the parameters for one team's list ({@code teamId} set; {@code team} must then be absent or the
     * same team) or the administrators' list of every event ({@code teamId} null).
     *
     * @throws InvalidFieldsException every parameter that cannot be used, with why
     */
    Parsed parse(Long teamId) {
        List<FieldMessage> errors = new ArrayList<>();
        Long teamFilter = teamId;
        boolean platformOnly = false;
        if (clean(team) != null) {
            if (teamId != null) {
                if (!clean(team).equals(teamId.toString())) {
                    errors.add(new FieldMessage("team", "This list holds one team's events already; leave team out."));
                }
            }
            else if (PLATFORM.equalsIgnoreCase(clean(team))) {
                platformOnly = true;
            }
            else {
                teamFilter = positive(team);
                if (teamFilter == null) {
                    errors.add(new FieldMessage("team", "A team id, or 'platform' for events without a team."));
                }
            }
        }
        AuditOutcome wanted = null;
        if (clean(outcome) != null) {
            try {
                wanted = AuditOutcome.valueOf(clean(outcome).toUpperCase(Locale.ROOT));
            }
            catch (IllegalArgumentException ex) {
                errors.add(new FieldMessage("outcome", "Use SUCCESS, FAILURE or DENIED."));
            }
        }
        Instant since = instant("from", from, errors);
        Instant until = instant("to", to, errors);
        if (since != null && until != null && !until.isAfter(since)) {
            errors.add(new FieldMessage("to", "'to' must be after 'from'."));
        }
        AuditFilter filter = new AuditFilter(teamFilter, platformOnly, limited("actor", actor, 100, errors),
                limited("action", action, 100, errors), limited("targetType", targetType, 50, errors),
                limited("targetId", targetId, 100, errors), wanted, since, until, limited("text", text, 200, errors));
        int size = limit(errors);
        AuditPosition position = null;
        if (clean(cursor) != null) {
            try {
                position = AuditPosition.decode(cursor);
            }
            catch (InvalidInputException ex) {
                errors.add(new FieldMessage(ex.field(), ex.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors.size() == 1 ? "1 query parameter is not valid."
                    : errors.size() + " query parameters are not valid.", errors);
        }
        return new Parsed(filter, position, size);
    }

    private int limit(List<FieldMessage> errors) {
        if (clean(limit) == null) {
            return AuditSearch.DEFAULT_PAGE_SIZE;
        }
        try {
            int size = Integer.parseInt(clean(limit));
            if (size >= 1 && size <= AuditSearch.MAX_PAGE_SIZE) {
                return size;
            }
        }
        catch (NumberFormatException ex) {
            // answered below
        }
        errors.add(new FieldMessage("limit", "A whole number from 1 to " + AuditSearch.MAX_PAGE_SIZE + "."));
        return AuditSearch.DEFAULT_PAGE_SIZE;
    }

    private static Instant instant(String field, String value, List<FieldMessage> errors) {
        String text = clean(value);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        }
        catch (DateTimeException ex) {
            errors.add(new FieldMessage(field, "Use an ISO 8601 instant like 2026-03-01T09:00:00Z."));
            return null;
        }
    }

    private static String limited(String field, String value, int max, List<FieldMessage> errors) {
        String text = clean(value);
        if (text != null && text.length() > max) {
            errors.add(new FieldMessage(field, "At most " + max + " characters."));
            return null;
        }
        return text;
    }

    private static Long positive(String value) {
        try {
            long number = Long.parseLong(clean(value));
            return number > 0 ? number : null;
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
