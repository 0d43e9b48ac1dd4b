package com.mcpportal.portal.audit.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.mcpportal.portal.audit.AuditCursor;
import com.mcpportal.portal.audit.AuditFilter;
import com.mcpportal.portal.audit.AuditOutcome;
import com.mcpportal.portal.audit.AuditRequest;
import com.mcpportal.portal.audit.AuditScope;
import com.mcpportal.portal.audit.AuditSearch;
import com.mcpportal.portal.web.NotFoundException;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit page's query parameters exactly as sent (a GET form, so every view is a bookmarkable URL). All
 * strings: {@link #parse} turns them into a {@link AuditRequest} and explains what it cannot use.
 *
 * @param team        empty (every visible team), {@code platform} (events without a team; admins) or a team id
 * @param since       local date-time ({@code 2026-03-01T09:00}) or date in the viewer's zone, inclusive
 * @param until       the same, exclusive
 * @param zone        the zone the viewer chose; empty means the browser's
 * @param browserZone the browser's zone, filled in by {@code audit-zone.js}
 * @param before      cursor: the page of events older than this event id
 * @param after       cursor: the page of events newer than this event id
 */
record AuditFilterForm(String team, String actor, String action, String targetType, String targetId,
                       String outcome, String since, String until, String text, String zone, String browserZone,
                       String before, String after, String size) {

    static final String PLATFORM = "platform";

    private static final ZoneId UTC = ZoneId.of("UTC");

    /** Validates against what the reader may see; a team outside their scope is answered like a missing one. */
    AuditRequest parse(AuditScope scope) {
        Map<String, String> errors = new LinkedHashMap<>();
        ZoneId viewZone = zone(errors);
        Long teamId = null;
        boolean platformOnly = false;
        if (PLATFORM.equals(clean(team)) && scope.everything()) {
            platformOnly = true;
        }
        else if (clean(team) != null) {
            teamId = number(team);
            if (teamId == null || !scope.canRead(teamId)) {
                throw new NotFoundException("No such team");
            }
        }
        AuditOutcome wanted = null;
        if (clean(outcome) != null) {
            try {
                wanted = AuditOutcome.valueOf(clean(outcome).toUpperCase(Locale.ROOT));
            }
            catch (IllegalArgumentException ex) {
                errors.put("outcome", "Choose success, failure or denied.");
            }
        }
        Instant from = time("since", since, viewZone, errors);
        Instant to = time("until", until, viewZone, errors);
        if (from != null && to != null && !to.isAfter(from)) {
            errors.put("until", "Until must be after From.");
        }
        AuditFilter filter = new AuditFilter(teamId, platformOnly, limited("actor", actor, 100, errors),
                limited("action", action, 100, errors), limited("targetType", targetType, 50, errors),
                limited("targetId", targetId, 100, errors), wanted, from, to, limited("text", text, 200, errors));
        AuditCursor cursor = number(before) != null ? AuditCursor.olderThan(number(before))
                : number(after) != null ? AuditCursor.newerThan(number(after)) : null;
        Long pageSize = number(size);
        return new AuditRequest(filter, viewZone, cursor,
                pageSize == null ? AuditSearch.DEFAULT_PAGE_SIZE : (int) Math.min(pageSize, AuditSearch.MAX_PAGE_SIZE),
                errors);
    }

    /** This view's URL under {@code path} without a cursor, plus {@code extra} parameters. */
    String link(String path, Map<String, Object> extra) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("team", team);
        params.put("actor", actor);
        params.put("action", action);
        params.put("targetType", targetType);
        params.put("targetId", targetId);
        params.put("outcome", outcome);
        params.put("since", since);
        params.put("until", until);
        params.put("text", text);
        params.put("zone", zone);
        params.put("browserZone", browserZone);
        params.put("size", size);
        params.forEach((name, value) -> {
            if (clean(value) != null) {
                uri.queryParam(name, value.trim());
            }
        });
        extra.forEach(uri::queryParam);
        return uri.encode().build().toUriString();
    }

    /** Whether the browser has not told us its zone yet (the script then reloads the page with it). */
    boolean zoneUnknown() {
        return clean(zone) == null && clean(browserZone) == null;
    }

    private ZoneId zone(Map<String, String> errors) {
        if (clean(zone) != null) {
            try {
                return ZoneId.of(clean(zone));
            }
            catch (DateTimeException ex) {
                errors.put("zone", "Unknown time zone.");
                return UTC;
            }
        }
        try {
            return clean(browserZone) == null ? UTC : ZoneId.of(clean(browserZone));
        }
        catch (DateTimeException ex) {
            return UTC; // a browser with an odd zone name still gets a working page, in UTC
        }
    }

    private static Instant time(String field, String value, ZoneId zone, Map<String, String> errors) {
        String text = clean(value);
        if (text == null) {
            return null;
        }
        try {
            LocalDateTime local = text.length() <= 10 ? LocalDate.parse(text).atStartOfDay() : LocalDateTime.parse(text);
            return local.atZone(zone).toInstant();
        }
        catch (DateTimeParseException ex) {
            errors.put(field, "Use a date and time like 2026-03-01T09:00.");
            return null;
        }
    }

    private static String limited(String field, String value, int max, Map<String, String> errors) {
        String text = clean(value);
        if (text != null && text.length() > max) {
            errors.put(field, "At most " + max + " characters.");
            return null;
        }
        return text;
    }

    private static Long number(String value) {
        String text = clean(value);
        if (text == null) {
            return null;
        }
        try {
            long number = Long.parseLong(text);
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
