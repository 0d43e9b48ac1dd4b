package com.mcpportal.portal.audit;

import java.time.ZoneId;
import java.util.Map;

/**
 * A parsed audit page request.
 *
 * @param filter what to show
 * @param zone   the zone times are shown and typed in
 * @param cursor where the page starts, or null for the newest events
 * @param size   events per page
 * @param errors field name to message, for what could not be used (then nothing is searched)
 */
public record AuditRequest(AuditFilter filter, ZoneId zone, AuditCursor cursor, int size, Map<String, String> errors) {

    public boolean valid() {
        return errors.isEmpty();
    }
}
