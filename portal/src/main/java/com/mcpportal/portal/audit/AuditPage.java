package com.mcpportal.portal.audit;

import java.util.List;

/**
 * One keyset page of events, newest first.
 *
 * @param events        the events on this page
 * @param hasNewer      whether newer events match (a "newer" link makes sense)
 * @param hasOlder      whether older events match
 * @param cursorMissing the requested cursor event is gone (pruned): this is the first page instead
 */
public record AuditPage(List<ChainedEvent> events, boolean hasNewer, boolean hasOlder, boolean cursorMissing) {

    public Long newestId() {
        return events.isEmpty() ? null : events.get(0).id();
    }

    public Long oldestId() {
        return events.isEmpty() ? null : events.get(events.size() - 1).id();
    }
}
