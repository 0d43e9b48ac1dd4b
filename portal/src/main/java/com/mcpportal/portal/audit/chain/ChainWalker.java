package com.mcpportal.portal.audit.chain;

import com.mcpportal.portal.audit.AuditHasher;
import com.mcpportal.portal.audit.AuditOutcome;
import com.mcpportal.portal.audit.ChainedEvent;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks audit events one at a time in chain (id) order, keeping only the last good link, so memory stays
 * constant however long the log is. At the first break it reads one more event to tell what happened: an
 * altered row, a changed hash or link, a deleted or an inserted row.
 */
final class ChainWalker {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final @Nullable ChainCheckpoint checkpoint;
    private final @Nullable ChainAnchor anchor;
    private String expectedPrev;
    private long checked;
    private @Nullable Long firstId;
    private @Nullable Long lastIntactId;
    private @Nullable String lastIntactHash;
    private @Nullable Long beforeLastId;
    private @Nullable String beforeLastHash;
    private boolean anchorSeen;
    private boolean checkpointAttested;
    private @Nullable Suspect suspect;
    private @Nullable AuditChainReport broken;

    /** An event that does not fit where it stands, with the hash its content gives; judged once the next is read. */
    private record Suspect(ChainedEvent event, String computed) {
    }

    /**
     * @param checkpoint where the chain continues after pruning, or null to start at the genesis hash
     * @param anchor     an event an earlier run found intact, or null
     */
    ChainWalker(@Nullable ChainCheckpoint checkpoint, @Nullable ChainAnchor anchor) {
        this.checkpoint = checkpoint;
        this.anchor = anchor;
        this.expectedPrev = startHash();
    }

    /** Takes the next event; returns false once the verdict is in and further events do not matter. */
    boolean accept(ChainedEvent event) {
        if (broken != null) {
            return false;
        }
        if (suspect != null) {
            broken = classify(suspect.event(), suspect.computed(), event);
            return false;
        }
        checked++;
        if (firstId == null) {
            firstId = event.id();
            if (checkpoint != null && event.id() <= checkpoint.throughId()) {
                broken = report(event, "it lies in the pruned range (at or before event " + checkpoint.throughId()
                        + "), so it was inserted after pruning", null, null, null);
                return false;
            }
        }
        String computed = AuditHasher.hash(event);
        if (!expectedPrev.equals(event.prevHash()) || !computed.equals(event.hash())) {
            suspect = new Suspect(event, computed);
            return true;
        }
        if (anchor != null && anchor.eventId() == event.id()) {
            anchorSeen = true;
            if (!anchor.hash().equals(event.hash())) {
                broken = report(event, "its hash differs from the one recorded when it was verified on "
                        + anchor.verifiedAt() + ", so the chain was recomputed since", "hash", anchor.hash(), event.hash());
                return false;
            }
        }
        if ("audit.pruned".equals(event.action()) && checkpoint != null && attests(event.details(), checkpoint)) {
            checkpointAttested = true;
        }
        beforeLastId = lastIntactId;
        beforeLastHash = lastIntactHash;
        lastIntactId = event.id();
        lastIntactHash = event.hash();
        expectedPrev = event.hash();
        return true;
    }

    /**
     * The verdict after the last event.
     *
     * @param wholeLog whether every event was read (not just a prefix, as before pruning): only then can missing
     *                 events at the end and an unconfirmed checkpoint be told
     */
    AuditChainReport finish(boolean wholeLog) {
        if (broken == null && suspect != null) {
            broken = classify(suspect.event(), suspect.computed(), null);
        }
        if (broken != null) {
            return broken;
        }
        if (wholeLog && anchor != null && !anchorSeen && (checkpoint == null || anchor.eventId() > checkpoint.throughId())) {
            return new AuditChainReport(false, checked, firstId, lastIntactId, lastIntactHash, anchor.eventId(),
                    "it was verified on " + anchor.verifiedAt() + " but is gone: events at the end of the log were "
                            + "deleted", null, anchor.hash(), null, checkpointId());
        }
        if (wholeLog && checkpoint != null && !checkpointAttested) {
            return new AuditChainReport(false, checked, firstId, lastIntactId, lastIntactHash, checkpoint.throughId(),
                    "no audit.pruned event in the chain confirms the checkpoint after it, so the checkpoint was "
                            + "not written by pruning", null, checkpoint.throughHash(), null, checkpointId());
        }
        return new AuditChainReport(true, checked, firstId, lastIntactId, lastIntactHash, null, null, null, null, null,
                checkpointId());
    }

    private AuditChainReport classify(ChainedEvent event, String computed, @Nullable ChainedEvent next) {
        boolean linked = expectedPrev.equals(event.prevHash());
        boolean selfConsistent = computed.equals(event.hash());
        String predecessor = lastIntactId == null ? (checkpoint == null ? "the start of the log"
                : "the checkpoint after pruned event " + checkpoint.throughId()) : "event " + lastIntactId;
        if (!linked && lastIntactId != null && event.prevHash().equals(
                beforeLastHash == null ? startHash() : beforeLastHash)) {
            // The previous event fit by itself, but this one links past it: it was slipped in with a valid hash.
            String before = beforeLastId == null ? "the start of the chain" : "event " + beforeLastId;
            return new AuditChainReport(false, checked, firstId, beforeLastId, beforeLastHash, lastIntactId,
                    "it was inserted: event " + event.id() + " links to " + before + " as if it were not there", null,
                    event.prevHash(), lastIntactHash, checkpointId());
        }
        if (next != null && expectedPrev.equals(next.prevHash())) {
            // The next event links to the predecessor: this one sits where none should.
            return report(event, "it was inserted: event " + next.id() + " links to " + predecessor
                    + " as if it were not there", null, expectedPrev, event.prevHash());
        }
        if (linked) {
            if (next != null && computed.equals(next.prevHash())) {
                return report(event, "its stored hash was changed; its content and its link to the next event "
                        + "are intact", "hash", computed, event.hash());
            }
            String field = alteredOutcome(event);
            return report(event, field != null ? "its outcome was changed (it was " + field + ")"
                    : "its content was altered: one or more of time, actor, team, action, target, outcome, client "
                    + "or details no longer match its hash", field != null ? "outcome" : null, computed, event.hash());
        }
        if (AuditHasher.hash(withPrev(event, expectedPrev)).equals(event.hash())) {
            return report(event, "its prev_hash was changed; it should link to " + predecessor, "prev_hash",
                    expectedPrev, event.prevHash());
        }
        if (selfConsistent) {
            return report(event, "it does not link to " + predecessor + ": the events between them were deleted"
                    + (lastIntactId == null ? "" : ", or " + predecessor + " was altered and its hash recomputed"),
                    null, expectedPrev, event.prevHash());
        }
        return report(event, "it was altered or forged: neither its link to " + predecessor
                + " nor its own hash match", null, computed, event.hash());
    }

    /** The outcome is the one field with few enough values to try: if another value matches, that was it. */
    private static @Nullable String alteredOutcome(ChainedEvent event) {
        for (AuditOutcome candidate : AuditOutcome.values()) {
            if (candidate != event.outcome() && AuditHasher.hash(withOutcome(event, candidate)).equals(event.hash())) {
                return candidate.name();
            }
        }
        return null;
    }

    private static boolean attests(String details, ChainCheckpoint checkpoint) {
        try {
            JsonNode facts = JSON.readTree(details);
            return facts.path("throughId").asLong() == checkpoint.throughId()
                    && checkpoint.throughHash().equals(facts.path("throughHash").asString());
        }
        catch (RuntimeException unreadable) {
            return false;
        }
    }

    private AuditChainReport report(ChainedEvent event, String problem, @Nullable String field,
            @Nullable String expected, @Nullable String stored) {
        return new AuditChainReport(false, checked, firstId, lastIntactId, lastIntactHash, event.id(), problem, field,
                expected, stored, checkpointId());
    }

    private String startHash() {
        return checkpoint == null ? AuditHasher.GENESIS : checkpoint.throughHash();
    }

    private @Nullable Long checkpointId() {
        return checkpoint == null ? null : checkpoint.throughId();
    }

    private static ChainedEvent withPrev(ChainedEvent e, String prev) {
        return new ChainedEvent(e.id(), e.occurredAt(), e.actor(), e.teamId(), e.action(), e.targetType(),
                e.targetId(), e.outcome(), e.clientIp(), e.userAgent(), e.details(), prev, e.hash());
    }

    private static ChainedEvent withOutcome(ChainedEvent e, AuditOutcome outcome) {
        return new ChainedEvent(e.id(), e.occurredAt(), e.actor(), e.teamId(), e.action(), e.targetType(),
                e.targetId(), outcome, e.clientIp(), e.userAgent(), e.details(), e.prevHash(), e.hash());
    }
}
