package com.mcpportal.portal.audit;

/**
 * Result of walking the audit chain.
 *
 * @param intact      whether every event links to its predecessor and matches its own hash
 * @param checked     how many events were checked (up to and including the broken one)
 * @param lastIntactId id of the last event whose chain up to it is intact, or null if none
 * @param brokenAtId  id of the first event that fails, or null when intact
 * @param problem     what differs at that event, or null when intact
 */
public record AuditChainReport(boolean intact, long checked, Long lastIntactId, Long brokenAtId, String problem) {

    /** One line for people: "intact through event 42 (42 events)" or "broken at event 17: ...". */
    public String summary() {
        if (intact) {
            return checked == 0 ? "The audit log is empty."
                    : "Intact through event " + lastIntactId + " (" + checked + " events checked).";
        }
        return "Broken at event " + brokenAtId + ": " + problem;
    }
}
