package com.mcpportal.portal.audit.chain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.mcpportal.portal.audit.AuditHasher;
import com.mcpportal.portal.audit.AuditOutcome;
import com.mcpportal.portal.audit.ChainedEvent;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the chain walk reports for each kind of tampering, on chains built in memory. */
class ChainWalkerTests {

    @Test
    void anUntouchedChainIsIntactThroughItsLastEvent() {
        AuditChainReport report = walk(chain(1, 5, AuditHasher.GENESIS), null, null);

        assertThat(report.intact()).isTrue();
        assertThat(report.checked()).isEqualTo(5);
        assertThat(report.lastIntactId()).isEqualTo(5);
        assertThat(report.summary()).isEqualTo("Intact through event 5 (5 events checked).");
    }

    @Test
    void changedContentIsReportedAtThatEventWithBothHashes() {
        List<ChainedEvent> events = chain(1, 5, AuditHasher.GENESIS);
        ChainedEvent original = events.get(2);
        events.set(2, with(original, "{\"amount\": 1000}", original.outcome(), original.prevHash(), original.hash()));

        AuditChainReport report = walk(events, null, null);

        assertThat(report.brokenAtId()).isEqualTo(3);
        assertThat(report.lastIntactId()).isEqualTo(2);
        assertThat(report.problem()).contains("content was altered");
        assertThat(report.storedHash()).isEqualTo(original.hash());
        assertThat(report.expectedHash()).isEqualTo(AuditHasher.hash(events.get(2))).isNotEqualTo(original.hash());
    }

    @Test
    void aChangedOutcomeIsNamed() {
        List<ChainedEvent> events = chain(1, 3, AuditHasher.GENESIS);
        ChainedEvent original = events.get(1);
        events.set(1, with(original, original.details(), AuditOutcome.SUCCESS == original.outcome()
                ? AuditOutcome.DENIED : AuditOutcome.SUCCESS, original.prevHash(), original.hash()));

        AuditChainReport report = walk(events, null, null);

        assertThat(report.brokenAtId()).isEqualTo(2);
        assertThat(report.field()).isEqualTo("outcome");
        assertThat(report.problem()).contains("outcome was changed (it was " + original.outcome() + ")");
    }

    @Test
    void aChangedHashOrLinkColumnIsNamed() {
        List<ChainedEvent> hashChanged = chain(1, 4, AuditHasher.GENESIS);
        ChainedEvent second = hashChanged.get(1);
        hashChanged.set(1, with(second, second.details(), second.outcome(), second.prevHash(), "b".repeat(64)));
        AuditChainReport report = walk(hashChanged, null, null);
        assertThat(report.brokenAtId()).isEqualTo(2);
        assertThat(report.field()).isEqualTo("hash");
        assertThat(report.expectedHash()).isEqualTo(second.hash());

        List<ChainedEvent> linkChanged = chain(1, 4, AuditHasher.GENESIS);
        ChainedEvent third = linkChanged.get(2);
        linkChanged.set(2, with(third, third.details(), third.outcome(), "c".repeat(64), third.hash()));
        report = walk(linkChanged, null, null);
        assertThat(report.brokenAtId()).isEqualTo(3);
        assertThat(report.field()).isEqualTo("prev_hash");
        assertThat(report.expectedHash()).isEqualTo(linkChanged.get(1).hash());
        assertThat(report.storedHash()).isEqualTo("c".repeat(64));
    }

    @Test
    void aDeletedEventIsFoundAtItsSuccessor() {
        List<ChainedEvent> events = chain(1, 5, AuditHasher.GENESIS);
        events.remove(2);

        AuditChainReport report = walk(events, null, null);

        assertThat(report.brokenAtId()).isEqualTo(4);
        assertThat(report.problem()).contains("does not link to event 2").contains("deleted");
        assertThat(report.expectedHash()).isEqualTo(events.get(1).hash());
    }

    @Test
    void anInsertedEventIsFoundBecauseItsSuccessorSkipsIt() {
        List<ChainedEvent> events = chain(1, 4, AuditHasher.GENESIS);
        ChainedEvent forged = sign(new ChainedEvent(25, Instant.parse("2026-01-01T00:00:02.500Z"), "mallory", 1L,
                "team.member.added", "user", "66", AuditOutcome.SUCCESS, null, null, "{}", events.get(1).hash(), null));
        events.add(2, forged);

        AuditChainReport report = walk(events, null, null);

        assertThat(report.brokenAtId()).isEqualTo(25);
        assertThat(report.problem()).contains("inserted").contains("event 3 links to event 2");
    }

    @Test
    void afterPruningTheChainContinuesFromTheCheckpointAndNeedsThePruningEventToConfirmIt() {
        List<ChainedEvent> all = chain(1, 6, AuditHasher.GENESIS);
        ChainCheckpoint checkpoint = new ChainCheckpoint(3, all.get(2).hash());
        List<ChainedEvent> remaining = new ArrayList<>(all.subList(3, 6));

        AuditChainReport unconfirmed = walk(remaining, checkpoint, null);
        assertThat(unconfirmed.intact()).isFalse();
        assertThat(unconfirmed.problem()).contains("no audit.pruned event");

        remaining.add(sign(new ChainedEvent(7, Instant.parse("2026-01-01T00:00:07Z"), "scheduler", null, "audit.pruned",
                "audit-checkpoint", "3", AuditOutcome.SUCCESS, null, null,
                "{\"throughId\": 3, \"throughHash\": \"" + checkpoint.throughHash() + "\"}", all.get(5).hash(), null)));
        AuditChainReport confirmed = walk(remaining, checkpoint, null);
        assertThat(confirmed.intact()).as(confirmed.summary()).isTrue();
        assertThat(confirmed.summary()).contains("continuing from the checkpoint after pruned event 3");

        AuditChainReport fromGenesis = walk(remaining, null, null);
        assertThat(fromGenesis.brokenAtId()).as("without the checkpoint the pruned events look deleted").isEqualTo(4);
    }

    @Test
    void anEventInsertedIntoThePrunedRangeIsRejected() {
        List<ChainedEvent> all = chain(1, 4, AuditHasher.GENESIS);
        ChainCheckpoint checkpoint = new ChainCheckpoint(3, all.get(2).hash());

        AuditChainReport report = walk(all, checkpoint, null);

        assertThat(report.brokenAtId()).isEqualTo(1);
        assertThat(report.problem()).contains("pruned range");
    }

    @Test
    void theAnchorRevealsDeletedEventsAtTheEndAndARecomputedChain() {
        List<ChainedEvent> events = chain(1, 5, AuditHasher.GENESIS);
        ChainAnchor anchor = new ChainAnchor(5, events.get(4).hash(), Instant.parse("2026-01-02T00:00:00Z"));

        assertThat(walk(events, null, anchor).intact()).isTrue();

        AuditChainReport truncated = walk(events.subList(0, 3), null, anchor);
        assertThat(truncated.intact()).isFalse();
        assertThat(truncated.brokenAtId()).isEqualTo(5);
        assertThat(truncated.problem()).contains("events at the end of the log were deleted");

        List<ChainedEvent> recomputed = chain(1, 5, AuditHasher.GENESIS);
        recomputed.set(1, sign(with(recomputed.get(1), "{\"rewritten\": true}", AuditOutcome.SUCCESS,
                recomputed.get(0).hash(), null)));
        for (int i = 2; i < recomputed.size(); i++) {
            ChainedEvent e = recomputed.get(i);
            recomputed.set(i, sign(with(e, e.details(), e.outcome(), recomputed.get(i - 1).hash(), null)));
        }
        AuditChainReport rewritten = walk(recomputed, null, anchor);
        assertThat(rewritten.brokenAtId()).isEqualTo(5);
        assertThat(rewritten.problem()).contains("recomputed");
    }

    private static AuditChainReport walk(List<ChainedEvent> events, ChainCheckpoint checkpoint, ChainAnchor anchor) {
        ChainWalker walker = new ChainWalker(checkpoint, anchor);
        for (ChainedEvent event : events) {
            if (!walker.accept(event)) {
                break;
            }
        }
        return walker.finish(true);
    }

    /** Events {@code first..last}, each linked to the one before, alternating outcomes and teams. */
    private static List<ChainedEvent> chain(long first, long last, String prev) {
        List<ChainedEvent> events = new ArrayList<>();
        for (long id = first; id <= last; id++) {
            ChainedEvent event = sign(new ChainedEvent(id, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(id),
                    id % 2 == 0 ? "alice" : "scheduler", id % 3 == 0 ? null : 1L, "environment.started", "environment",
                    "env-" + id, id % 2 == 0 ? AuditOutcome.FAILURE : AuditOutcome.SUCCESS, "10.0.0." + id, "JUnit",
                    "{\"amount\": " + id + "}", prev, null));
            events.add(event);
            prev = event.hash();
        }
        return events;
    }

    private static ChainedEvent sign(ChainedEvent e) {
        return with(e, e.details(), e.outcome(), e.prevHash(), AuditHasher.hash(e));
    }

    private static ChainedEvent with(ChainedEvent e, String details, AuditOutcome outcome, String prev, String hash) {
        return new ChainedEvent(e.id(), e.occurredAt(), e.actor(), e.teamId(), e.action(), e.targetType(),
                e.targetId(), outcome, e.clientIp(), e.userAgent(), details, prev, hash);
    }
}
