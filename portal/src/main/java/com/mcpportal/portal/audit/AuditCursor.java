package com.mcpportal.portal.audit;

/**
 * Where a keyset page starts: strictly older or strictly newer than event {@code id} in the page order
 * (newest first by time, then id). The id is looked up for its time, so links stay short and readable.
 */
public record AuditCursor(boolean older, long id) {

    public static AuditCursor olderThan(long id) {
        return new AuditCursor(true, id);
    }

    public static AuditCursor newerThan(long id) {
        return new AuditCursor(false, id);
    }
}
