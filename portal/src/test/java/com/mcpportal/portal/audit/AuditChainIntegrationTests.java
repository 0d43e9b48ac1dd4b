package com.mcpportal.portal.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import com.mcpportal.portal.audit.chain.AuditChainReport;
import com.mcpportal.portal.audit.chain.AuditChainVerifier;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit log's tamper evidence on the real database: the chain verifies, any edit made behind the portal's
 * back is found, concurrent writers keep it linear, and the application cannot change or delete rows. The
 * tampering test undoes each edit before the next, so the log it leaves behind is intact again.
 */
@PortalIntegrationTest
class AuditChainIntegrationTests {

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

    @Test
    void recordedEventsFormAChainThatVerifies() {
        long first = auditLog.record(AuditEntry.success("test.thing.created").team(7L).target("thing", 1)
                .detail("name", "Zeta \"quoted\" ünïcode").detail("count", 3)
                .detail("nested", Map.of("b", 2, "a", 1)));
        long second = auditLog.record(AuditEntry.failure("test.thing.deleted").actor(AuditEntry.SCHEDULER));

        assertThat(second).isGreaterThan(first);
        assertThat(jdbc.queryForObject("SELECT prev_hash FROM audit_event WHERE id = ?", String.class, second))
                .isEqualTo(jdbc.queryForObject("SELECT hash FROM audit_event WHERE id = ?", String.class, first));
        assertThat(jdbc.queryForObject("SELECT actor FROM audit_event WHERE id = ?", String.class, second))
                .isEqualTo("scheduler");
        assertThat(jdbc.queryForObject("SELECT actor FROM audit_event WHERE id = ?", String.class, first))
                .isEqualTo("system");
        AuditChainReport report = verifier.verify();
        assertThat(report.intact()).as(report.summary()).isTrue();
        assertThat(report.lastIntactId()).isGreaterThanOrEqualTo(second);
    }

    @Test
    void concurrentWritersKeepTheChainLinear() throws Exception {
        long before = count();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Long>> writers = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                writers.add(() -> auditLog.record(AuditEntry.success("test.concurrent").detail("n", n)));
            }
            for (Future<Long> written : pool.invokeAll(writers)) {
                written.get();
            }
        }
        finally {
            pool.shutdown();
        }

        assertThat(count()).isEqualTo(before + 200);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT prev_hash) = count(*) FROM audit_event", Boolean.class))
                .as("no two events claim the same predecessor").isTrue();
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void anEventRolledBackWithItsChangeLeavesNoTraceAndNoGap() {
        long before = count();
        try {
            transactions.executeWithoutResult(status -> {
                auditLog.record(AuditEntry.success("test.rolled-back"));
                throw new IllegalStateException("the change failed");
            });
        }
        catch (IllegalStateException expected) {
            // the audit record went with the change
        }
        assertThat(count()).isEqualTo(before);
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void theApplicationCannotUpdateOrDeleteEvents() {
        long id = auditLog.record(AuditEntry.success("test.immutable"));

        assertThatThrownBy(() -> jdbc.update("UPDATE audit_event SET actor = 'mallory' WHERE id = ?", id))
                .rootCause().hasMessageContaining("audit_event is append-only: UPDATE is not allowed");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_event WHERE id = ?", id))
                .rootCause().hasMessageContaining("audit_event is append-only: DELETE is not allowed");
        assertThatThrownBy(() -> jdbc.execute("TRUNCATE audit_event"))
                .rootCause().hasMessageContaining("audit_event is append-only: TRUNCATE is not allowed");
        assertThat(jdbc.queryForObject("SELECT actor FROM audit_event WHERE id = ?", String.class, id))
                .isEqualTo("system");
    }

    @Test
    void alteringDeletingOrInsertingARowBehindThePortalsBackBreaksVerification() {
        // The verifier reports the first break, so each case is undone before the next one; undoing it must
        // make the chain whole again, which also shows the hash covers exactly what was changed.
        assertThat(verifier.verify().intact()).isTrue();

        long altered = auditLog.record(AuditEntry.success("test.tamper.altered").detail("amount", 10));
        auditLog.record(AuditEntry.success("test.tamper.after"));
        tamper("UPDATE audit_event SET details = '{\"amount\": 1000}' WHERE id = " + altered);

        AuditChainReport report = verifier.verify();
        assertThat(report.intact()).isFalse();
        assertThat(report.brokenAtId()).isEqualTo(altered);
        assertThat(report.problem()).contains("altered");
        assertThat(report.summary()).startsWith("Broken at event " + altered);

        tamper("UPDATE audit_event SET details = '{\"amount\": 10}' WHERE id = " + altered);
        assertThat(verifier.verify().intact()).isTrue();

        long deleted = auditLog.record(AuditEntry.success("test.tamper.deleted"));
        long successor = auditLog.record(AuditEntry.success("test.tamper.successor"));
        String deletedRow = jdbc.queryForObject("SELECT row_to_json(e)::text FROM audit_event e WHERE id = ?",
                String.class, deleted);
        tamper("DELETE FROM audit_event WHERE id = " + deleted);
        report = verifier.verify();
        assertThat(report.brokenAtId()).isEqualTo(successor);
        assertThat(report.problem()).contains("deleted");

        tamper("INSERT INTO audit_event SELECT * FROM json_populate_record(null::audit_event, '"
                + deletedRow.replace("'", "''") + "')");
        assertThat(verifier.verify().intact()).isTrue();

        long before = auditLog.record(AuditEntry.success("test.tamper.before-insert"));
        String hashBefore = jdbc.queryForObject("SELECT hash FROM audit_event WHERE id = ?", String.class, before);
        long forged = before + 1_000_000;
        tamper("INSERT INTO audit_event (id, occurred_at, actor, action, outcome, details, prev_hash, hash) VALUES ("
                + forged + ", now(), 'mallory', 'test.forged', 'SUCCESS', '{}', '" + hashBefore + "', '"
                + "f".repeat(64) + "')");
        report = verifier.verify();
        assertThat(report.brokenAtId()).isEqualTo(forged);
        tamper("DELETE FROM audit_event WHERE id = " + forged);
        assertThat(verifier.verify().intact()).isTrue();
    }

    private void tamper(String sql) {
        new AuditTampering(dataSource).execute(sql);
    }

    private long count() {
        return jdbc.queryForObject("SELECT count(*) FROM audit_event", Long.class);
    }
}
