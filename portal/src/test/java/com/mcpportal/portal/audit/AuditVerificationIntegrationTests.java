package com.mcpportal.portal.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.sql.DataSource;

import com.mcpportal.portal.audit.chain.AuditChainReport;
import com.mcpportal.portal.audit.chain.AuditChainVerifier;
import com.mcpportal.portal.audit.chain.AuditVerificationRun;
import com.mcpportal.portal.audit.chain.AuditVerifications;
import com.mcpportal.portal.audit.chain.ChainAnchor;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.web.Flash;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.TriggerKey;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Chain verification as an administrator runs it: each kind of tampering is found and described, every run is
 * kept in the history and the audit log, and the daily job is in the Quartz store. Each tampering is undone.
 */
@PortalIntegrationTest
class AuditVerificationIntegrationTests {

    @Autowired
    AuditVerifications verifications;

    @Autowired
    AuditChainVerifier verifier;

    @Autowired
    AuditLog auditLog;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    Scheduler scheduler;

    AuditTampering tamper;

    @BeforeEach
    void startIntact() {
        tamper = new AuditTampering(dataSource);
        assertThat(verifications.run("test").report().intact()).isTrue();
    }

    @Test
    void theButtonVerifiesRecordsTheRunAndShowsItInTheHistory() throws Exception {
        long before = count("audit_verification");

        mvc.perform(post("/admin/audit/verify").with(user(TestData.principal(data.admin()))).with(csrf()))
                .andExpect(redirectedUrl("/admin/audit/verifications"))
                .andExpect(flash().attribute(Flash.ATTRIBUTE, new Flash("success",
                        verifications.history(1).get(0).report().summary())));

        AuditVerificationRun run = verifications.history(1).get(0);
        assertThat(count("audit_verification")).isEqualTo(before + 1);
        assertThat(run.triggeredBy()).isEqualTo("admin");
        assertThat(run.report().summary()).startsWith("Intact through event " + run.report().lastIntactId());
        assertThat(jdbc.queryForObject("SELECT outcome || ' ' || actor FROM audit_event WHERE action = "
                + "'audit.chain.verified' AND target_id = ?", String.class, Long.toString(run.id()))).isEqualTo("SUCCESS admin");
        mvc.perform(get("/admin/audit/verifications").with(user(TestData.principal(data.admin()))))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(run.report().summary()), containsString("intact"))));
    }

    @Test
    void aChangedRowIsReportedWithTheHashesThatDisagree() {
        long altered = auditLog.record(AuditEntry.success("test.verify.changed").detail("amount", 10));
        auditLog.record(AuditEntry.success("test.verify.after"));
        String stored = hashOf(altered);
        tamper.execute("UPDATE audit_event SET details = '{\"amount\": 1000}' WHERE id = " + altered);
        try {
            AuditVerificationRun run = verifications.run("test");

            assertThat(run.report().brokenAtId()).isEqualTo(altered);
            assertThat(run.report().summary()).startsWith("Broken at event " + altered + ": its content was altered");
            assertThat(run.report().storedHash()).isEqualTo(stored);
            assertThat(run.report().expectedHash()).isNotEqualTo(stored).hasSize(64);
            AuditVerificationRun kept = verifications.history(1).get(0);
            assertThat(kept.report()).isEqualTo(run.report());
            assertThat(jdbc.queryForObject("SELECT outcome FROM audit_event WHERE action = 'audit.chain.verified' "
                    + "AND target_id = ?", String.class, Long.toString(run.id()))).isEqualTo("FAILURE");
        }
        finally {
            tamper.execute("UPDATE audit_event SET details = '{\"amount\": 10}' WHERE id = " + altered);
        }
        assertThat(verifications.run("test").report().intact()).isTrue();
    }

    @Test
    void aDeletedRowIsReportedAtTheEventAfterIt() {
        long deleted = auditLog.record(AuditEntry.success("test.verify.deleted"));
        long successor = auditLog.record(AuditEntry.success("test.verify.successor"));
        List<String> rows = tamper.delete(deleted);
        try {
            AuditChainReport report = verifications.run("test").report();

            assertThat(report.brokenAtId()).isEqualTo(successor);
            assertThat(report.problem()).contains("deleted");
            assertThat(report.expectedHash()).isEqualTo(hashOf(report.lastIntactId()));
        }
        finally {
            tamper.restore(rows);
        }
        assertThat(verifications.run("test").report().intact()).isTrue();
    }

    @Test
    void anInsertedRowIsReportedEvenWithAValidHash() {
        long before = auditLog.record(AuditEntry.success("test.verify.before"));
        long gap = jdbc.queryForObject("SELECT nextval('audit_event_id_seq')", Long.class);
        long after = auditLog.record(AuditEntry.success("test.verify.after-gap"));
        ChainedEvent forged = new ChainedEvent(gap, Instant.now().truncatedTo(ChronoUnit.MICROS),
                "mallory", null, "user.created", "user", "mallory", AuditOutcome.SUCCESS, null, null, "{}",
                hashOf(before), null);
        tamper.execute("INSERT INTO audit_event (id, occurred_at, actor, action, target_type, target_id, outcome, "
                + "details, prev_hash, hash) VALUES (" + gap + ", '" + forged.occurredAt() + "', 'mallory', "
                + "'user.created', 'user', 'mallory', 'SUCCESS', '{}', '" + hashOf(before) + "', '"
                + AuditHasher.hash(forged) + "')");
        try {
            AuditChainReport report = verifications.run("test").report();

            assertThat(report.brokenAtId()).isEqualTo(gap);
            assertThat(report.problem()).isEqualTo("it was inserted: event " + after + " links to event " + before
                    + " as if it were not there");
        }
        finally {
            tamper.execute("DELETE FROM audit_event WHERE id = " + gap);
        }
        assertThat(verifications.run("test").report().intact()).isTrue();
    }

    @Test
    void eventsDeletedFromTheEndAreFoundThroughTheLastRunsAnchor() {
        auditLog.record(AuditEntry.success("test.verify.tail"));
        AuditVerificationRun intact = verifications.run("test");
        long anchor = intact.report().lastIntactId();
        List<Long> tail = jdbc.queryForList("SELECT id FROM audit_event WHERE id >= ? ORDER BY id", Long.class, anchor);
        List<String> rows = tamper.delete(tail.stream().mapToLong(Long::longValue).toArray());
        try {
            // Straight to the verifier: a recorded run would append its own event to the shortened chain.
            AuditChainReport report = verifier.verify(new ChainAnchor(anchor, intact.report().lastIntactHash(),
                    intact.finishedAt()));

            assertThat(report.intact()).isFalse();
            assertThat(report.brokenAtId()).isEqualTo(anchor);
            assertThat(report.problem()).contains("events at the end of the log were deleted");
        }
        finally {
            tamper.restore(rows);
        }
        assertThat(verifications.run("test").report().intact()).isTrue();
    }

    @Test
    void theDailyJobIsScheduledAndRecordsItsRunAsTheScheduler() throws Exception {
        CronTrigger trigger = (CronTrigger) scheduler.getTrigger(TriggerKey.triggerKey("chain-verification", "audit"));
        assertThat(trigger.getCronExpression()).isEqualTo("0 17 3 * * ?");
        assertThat(trigger.getTimeZone().getID()).isEqualTo("UTC");
        long before = jdbc.queryForObject("SELECT count(*) FROM audit_verification WHERE triggered_by = 'scheduler'",
                Long.class);

        scheduler.triggerJob(JobKey.jobKey("chain-verification", "audit"));

        await("the scheduled verification").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> jdbc.queryForObject("SELECT count(*) FROM audit_verification"
                        + " WHERE triggered_by = 'scheduler'", Long.class) > before);
        assertThat(jdbc.queryForObject("SELECT intact FROM audit_verification WHERE triggered_by = 'scheduler' "
                + "ORDER BY id DESC LIMIT 1", Boolean.class)).isTrue();
        assertThat(scheduler.getTrigger(TriggerKey.triggerKey("retention", "audit"))).isNotNull();
    }

    private String hashOf(long id) {
        return jdbc.queryForObject("SELECT hash FROM audit_event WHERE id = ?", String.class, id);
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }
}
