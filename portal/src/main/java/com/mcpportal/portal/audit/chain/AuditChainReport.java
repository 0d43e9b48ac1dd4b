package com.mcpportal.portal.audit.chain;

import org.jspecify.annotations.Nullable;

/**
 * Result of walking the audit chain.
 *
 * @param intact         whether every event links to its predecessor and matches its own hash
 * @param checked        how many events were read (up to and including the broken one)
 * @param firstId        id of the first event checked, or null if none
 * @param lastIntactId   id of the last event whose chain up to it is intact, or null if none
 * @param lastIntactHash that event's hash (the next run checks it is still there and unchanged)
 * @param brokenAtId     id of the first event that fails, or null when intact
 * @param problem        what is wrong there, for people, or null when intact
 * @param field          the column that was changed, when that can be told ({@code hash}, {@code prev_hash},
 *                       {@code outcome}), or null
 * @param expectedHash   the hash the chain expects at the break (recomputed, or the predecessor's), or null
 * @param storedHash     the hash stored in the row at the break, or null
 * @param checkpointId   the walk started after this pruned event (its hash from the checkpoint), or null when
 *                       it started at the beginning of the log
 */
public record AuditChainReport(boolean intact, long checked, @Nullable Long firstId, @Nullable Long lastIntactId,
                               @Nullable String lastIntactHash, @Nullable Long brokenAtId, @Nullable String problem,
                               @Nullable String field, @Nullable String expectedHash, @Nullable String storedHash,
                               @Nullable Long checkpointId) {

    /** One line for people: "Intact through event 42 (42 events checked)." or "Broken at event 17: ...". */
    public String summary() {
        if (intact) {
            String from = checkpointId == null ? "" : ", continuing from the checkpoint after pruned event " + checkpointId;
            return checked == 0 ? "The audit log is empty" + (checkpointId == null ? "." : " (everything was pruned).")
                    : "Intact through event " + lastIntactId + " (" + checked + " events checked" + from + ").";
        }
        return "Broken at event " + brokenAtId + ": " + problem;
    }
}
