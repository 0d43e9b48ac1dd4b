package com.mcpportal.portal.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import com.mcpportal.portal.audit.chain.AuditChainReport;
import com.mcpportal.portal.audit.chain.AuditChainVerifier;
import com.mcpportal.portal.support.PortalIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AuditLog#recordAll}, the batch append for the scheduler, on the real database: a batch writes the rows
 * that one {@code record} call each would, links them into the same chain the verifier walks, keeps a batch's
 * events together when other appends run at the same time, and costs five statements at any size.
 */
@PortalIntegrationTest
class AuditBatchIntegrationTests {

    @Autowired
    AuditLog auditLog;

    @Autowired
    AuditChainVerifier verifier;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transactions;

    @AfterEach
    void leaveTheThreadAsFound() {
        SecurityContextHolder.clearContext();
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void batchesAndSingleAppendsFormOneChainThatVerifies() {
        signedInAs("alice");
        fromRequest("203.0.113.7", "Mozilla/5.0 (batch test; ünïcode)");
        Map<String, Object> unordered = new LinkedHashMap<>();
        unordered.put("y", 2);
        unordered.put("x", 1);
        Map<String, Object> withNull = new LinkedHashMap<>();
        withNull.put("z", 1.5);
        withNull.put("a", null);
        List<Expected> expected = List.of(
                new Expected(AuditEntry.success("test.batch.single").team(7L).target("environment", "env-1")
                        .detail("zeta", "Grüße aus Köln").detail("alpha", unordered).detail("n", 3),
                        "alice", "{\"n\": 3, \"zeta\": \"Grüße aus Köln\", \"alpha\": {\"x\": 1, \"y\": 2}}"),
                new Expected(AuditEntry.success("environment.started").actor(AuditEntry.SCHEDULER).team(7L)
                        .target("environment", "env-2").detail("window", "Mon 08:00–20:00 Europe/Berlin")
                        .detail("reason", "東京 ✓ \"quoted\""),
                        "scheduler", "{\"reason\": \"東京 ✓ \\\"quoted\\\"\", \"window\": \"Mon 08:00–20:00 Europe/Berlin\"}"),
                new Expected(AuditEntry.failure("environment.start.failed").actor(AuditEntry.SCHEDULER)
                        .target("environment", "env-3").detail("error", "NAT instance 🚫 not running")
                        .detail("attempt", 2).detail("b", true),
                        "scheduler", "{\"b\": true, \"error\": \"NAT instance 🚫 not running\", \"attempt\": 2}"),
                new Expected(AuditEntry.denied("team.access.denied"), "alice", "{}"),
                new Expected(AuditEntry.success("test.batch.between").detail("list", List.of(3, 1, 2)),
                        "alice", "{\"list\": [3, 1, 2]}"),
                new Expected(new AuditEntry("test.batch.second", 8L, null, null, AuditOutcome.SUCCESS, withNull,
                        null), "alice", "{\"a\": null, \"z\": 1.5}"),
                new Expected(AuditEntry.success("test.batch.last").actor("  "), "alice", "{}"));
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);

        List<List<Long>> appends = transactions.execute(status -> List.of(
                List.of(auditLog.record(expected.get(0).entry())),
                auditLog.recordAll(entries(expected.subList(1, 4))),
                List.of(auditLog.record(expected.get(4).entry())),
                auditLog.recordAll(entries(expected.subList(5, 7)))));

        List<Long> ids = appends.stream().flatMap(List::stream).toList();
        assertThat(ids).hasSize(7).isSorted().doesNotHaveDuplicates();
        List<ChainedEvent> rows = jdbc.query("SELECT " + AuditRows.COLUMNS
                + " FROM audit_event WHERE id BETWEEN ? AND ? ORDER BY id", (rs, n) -> AuditRows.map(rs),
                ids.get(0), ids.get(6));
        assertThat(rows).extracting(ChainedEvent::id).as("no other event between them").isEqualTo(ids);
        String previous = hashBefore(ids.get(0));
        for (int i = 0; i < rows.size(); i++) {
            ChainedEvent row = rows.get(i);
            AuditEntry entry = expected.get(i).entry();
            assertThat(row.prevHash()).as("prev_hash of event %d", row.id()).isEqualTo(previous);
            assertThat(row.hash()).isEqualTo(AuditHasher.hash(row));
            assertThat(row.actor()).isEqualTo(expected.get(i).actor());
            assertThat(row.details()).isEqualTo(expected.get(i).details());
            assertThat(row).extracting(ChainedEvent::teamId, ChainedEvent::action, ChainedEvent::targetType,
                    ChainedEvent::targetId, ChainedEvent::outcome, ChainedEvent::clientIp, ChainedEvent::userAgent)
                    .containsExactly(entry.teamId(), entry.action(), entry.targetType(), entry.targetId(),
                            entry.outcome(), "203.0.113.7", "Mozilla/5.0 (batch test; ünïcode)");
            assertThat(row.occurredAt()).isBetween(before, Instant.now());
            previous = row.hash();
        }
        assertThat(rows.subList(1, 4)).extracting(ChainedEvent::occurredAt).as("one clock reading per batch")
                .containsOnly(rows.get(1).occurredAt());
        AuditChainReport report = verifier.verify();
        assertThat(report.intact()).as(report.summary()).isTrue();
        assertThat(report.lastIntactId()).isGreaterThanOrEqualTo(ids.get(6));
    }

    @Test
    void anEmptyBatchWritesNothing() {
        CountingDataSource counting = new CountingDataSource(dataSource);
        AuditLog countedLog = countedLog(counting);
        long lastBefore = lastId();

        List<Long> throughThePortal = auditLog.recordAll(List.of());
        List<Long> counted = new TransactionTemplate(new DataSourceTransactionManager(counting))
                .execute(status -> countedLog.recordAll(List.of()));

        assertThat(throughThePortal).isEmpty();
        assertThat(counted).isEmpty();

        assertThat(counting.takeCount()).as("statements").isZero();
        assertThat(lastId()).isEqualTo(lastBefore);
    }

    @Test
    void aBatchCostsFiveStatementsWhateverItsSize() {
        CountingDataSource counting = new CountingDataSource(dataSource);
        AuditLog counted = countedLog(counting);
        TransactionTemplate countedTransactions = new TransactionTemplate(new DataSourceTransactionManager(counting));

        for (int size : new int[] {1, 2, 300}) {
            List<Long> ids = countedTransactions.execute(status -> counted.recordAll(numbered(size)));

            assertThat(counting.takeCount()).as("statements for %d events", size).isEqualTo(5);
            assertThat(ids).hasSize(size).isSorted().doesNotHaveDuplicates();
            assertThat(jdbc.queryForList("SELECT (details->>'n')::int FROM audit_event WHERE id BETWEEN ? AND ? "
                    + "ORDER BY id", Integer.class, ids.get(0), ids.get(size - 1)))
                    .as("written in list order, nothing between").isEqualTo(IntStream.range(0, size).boxed().toList());
        }
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void batchesAppendedWhileOthersAppendStayTogetherAndTheChainStaysLinear() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<List<Long>> batches = new ArrayList<>();
        try {
            List<Callable<List<Long>>> writers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                writers.add(() -> auditLog.recordAll(numbered(25)));
                for (int j = 0; j < 5; j++) {
                    writers.add(() -> List.of(auditLog.record(AuditEntry.success("test.batch.single-alongside"))));
                }
            }
            for (Future<List<Long>> written : pool.invokeAll(writers)) {
                if (written.get().size() > 1) {
                    batches.add(written.get());
                }
            }
        }
        finally {
            pool.shutdown();
        }

        assertThat(batches).hasSize(8);
        for (List<Long> batch : batches) {
            assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE id BETWEEN ? AND ?", Long.class,
                    batch.get(0), batch.get(24))).as("batch %s is one run of the chain", batch.get(0)).isEqualTo(25);
        }
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT prev_hash) = count(*) FROM audit_event", Boolean.class))
                .as("no two events claim the same predecessor").isTrue();
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void aBatchRolledBackWithItsChangeLeavesNoTrace() {
        AtomicReference<List<Long>> written = new AtomicReference<>();
        try {
            transactions.executeWithoutResult(status -> {
                written.set(auditLog.recordAll(numbered(3)));
                throw new IllegalStateException("the change failed");
            });
        }
        catch (IllegalStateException expected) {
            // the audit records went with the change
        }

        assertThat(written.get()).hasSize(3);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE id BETWEEN ? AND ?", Long.class,
                written.get().get(0), written.get().get(2))).isZero();
        assertThat(verifier.verify().intact()).isTrue();
    }

    /** An audit log like the portal's, but on a data source that counts statements; no Spring proxy around it. */
    private static AuditLog countedLog(CountingDataSource counting) {
        return new AuditLog(new JdbcTemplate(counting), Clock.systemUTC());
    }

    private static List<AuditEntry> numbered(int count) {
        return IntStream.range(0, count).mapToObj(n -> AuditEntry.success("test.batch.numbered")
                .actor(AuditEntry.SCHEDULER).target("environment", "env-" + n).detail("n", n)).toList();
    }

    private static List<AuditEntry> entries(List<Expected> expected) {
        return expected.stream().map(Expected::entry).toList();
    }

    /** The chain's hash just before {@code id}: the previous event's, else where pruning left it, else genesis. */
    private String hashBefore(long id) {
        return jdbc.queryForObject("""
                SELECT coalesce((SELECT hash FROM audit_event WHERE id < ? ORDER BY id DESC LIMIT 1),
                                (SELECT through_hash FROM audit_checkpoint ORDER BY through_id DESC LIMIT 1),
                                ?)
                """, String.class, id, AuditHasher.GENESIS);
    }

    private long lastId() {
        return jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_event", Long.class);
    }

    private static void signedInAs(String name) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(name, null, Collections.emptyList()));
    }

    private static void fromRequest(String clientIp, String userAgent) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(clientIp);
        request.addHeader("User-Agent", userAgent);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    /** An entry and what its row must say where that is not simply the entry's own value. */
    private record Expected(AuditEntry entry, String actor, String details) {
    }
}
