package com.mcpportal.portal.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.mcpportal.portal.audit.chain.AuditChainReport;
import com.mcpportal.portal.audit.chain.AuditChainVerifier;
import com.mcpportal.portal.audit.chain.AuditVerifications;
import com.mcpportal.portal.security.PortalUserPrincipal;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.web.Flash;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
 * Retention on the real database: pruning archives the oldest events first, deletes them only through
 * {@code audit_prune}, and the remaining chain still verifies from the checkpoint; a broken range is kept.
 */
class AuditRetentionIntegrationTests extends TimedAuditTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditLog auditLog;

    @Autowired
    AuditVerifications verifications;

    @Autowired
    AuditChainVerifier verifier;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void pruningArchivesTheOldestEventsAndTheRestOfTheChainStillVerifies() throws Exception {
        PortalUserPrincipal admin = TestData.principal(data.admin());
        for (int i = 0; i < 7; i++) {
            auditLog.record(AuditEntry.success("test.retention.old").detail("n", i).detail("note", "Zoë \"old\""));
        }
        clock.advance(Duration.ofDays(40));
        long firstRecent = auditLog.record(AuditEntry.success("test.retention.recent"));
        mvc.perform(post("/admin/audit/retention").with(user(admin)).with(csrf()).param("retentionDays", "30"))
                .andExpect(redirectedUrl("/admin/audit/retention"));
        List<Long> old = jdbc.queryForList("SELECT id FROM audit_event WHERE id < ? ORDER BY id", Long.class, firstRecent);
        assertThat(old).hasSizeGreaterThan(7);

        mvc.perform(post("/admin/audit/retention/prune").with(user(admin)).with(csrf()))
                .andExpect(redirectedUrl("/admin/audit/retention"))
                .andExpect(flash().attribute(Flash.ATTRIBUTE, new Flash("success", "Pruned " + old.size()
                        + " events in " + (old.size() + 4) / 5 + " batches (archived first).")));

        assertThat(jdbc.queryForObject("SELECT min(id) FROM audit_event", Long.class)).isEqualTo(firstRecent);
        List<Map<String, Object>> checkpoints = jdbc.queryForList("SELECT * FROM audit_checkpoint WHERE through_id >= ? "
                + "ORDER BY through_id", old.get(0));
        assertThat(checkpoints).hasSize((old.size() + 4) / 5);
        long archived = 0;
        StringBuilder archives = new StringBuilder();
        for (Map<String, Object> checkpoint : checkpoints) {
            Path file = Path.of((String) checkpoint.get("archive_file"));
            assertThat(file.getParent()).isEqualTo(ARCHIVE.toAbsolutePath().normalize());
            byte[] content = Files.readAllBytes(file);
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)))
                    .isEqualTo(checkpoint.get("archive_sha256"));
            List<JsonNode> lines = new String(content, StandardCharsets.UTF_8).lines()
                    .map(JSON::readTree).toList();
            assertThat(lines).hasSize(((Number) checkpoint.get("pruned_count")).intValue());
            JsonNode last = lines.get(lines.size() - 1);
            assertThat(last.path("id").asLong()).isEqualTo(checkpoint.get("through_id"));
            assertThat(last.path("hash").asString()).isEqualTo(checkpoint.get("through_hash"));
            archived += lines.size();
            archives.append(new String(content, StandardCharsets.UTF_8));
        }
        assertThat(archived).isEqualTo(old.size());
        assertThat(archives).contains("\"action\":\"test.retention.old\"")
                .contains("\"details\":{\"n\": 6, \"note\": \"Zoë \\\"old\\\"\"}");

        AuditChainReport report = verifications.run("test").report();
        assertThat(report.intact()).as(report.summary()).isTrue();
        assertThat(report.checkpointId()).isEqualTo(old.get(old.size() - 1));
        assertThat(jdbc.queryForList("SELECT details->>'throughId' FROM audit_event WHERE action = 'audit.pruned' "
                + "AND outcome = 'SUCCESS' ORDER BY id", String.class)).endsWith(Long.toString(old.get(old.size() - 1)));

        auditLog.record(AuditEntry.success("test.retention.later"));
        assertThat(verifications.run("test").report().intact()).isTrue();
        mvc.perform(post("/admin/audit/retention/prune").with(user(admin)).with(csrf()))
                .andExpect(flash().attribute(Flash.ATTRIBUTE, new Flash("success", "Nothing to prune.")));
        mvc.perform(get("/admin/audit/retention").with(user(admin))).andExpect(status().isOk())
                .andExpect(content().string(containsString((String) checkpoints.get(0).get("archive_file"))));

        // Everything but the newest events, again: the first checkpoint's confirming event goes too.
        clock.advance(Duration.ofDays(40));
        long newest = auditLog.record(AuditEntry.success("test.retention.newest"));
        AuditPruner.Result second = pruner.prune("test");
        assertThat(second.problem()).isNull();
        assertThat(jdbc.queryForObject("SELECT min(id) FROM audit_event", Long.class)).isEqualTo(newest);
        assertThat(verifications.run("test").report().intact()).isTrue();
    }

    @Test
    void eventsThatDoNotVerifyAreNotPrunedAndNothingDeletesOutsideThePruningFunction() {
        auditLog.record(AuditEntry.success("test.retention.evidence"));
        long evidence = auditLog.record(AuditEntry.success("test.retention.evidence").detail("amount", 10));
        clock.advance(Duration.ofDays(40));
        auditLog.record(AuditEntry.success("test.retention.recent"));
        retention.change(30);
        AuditTampering tamper = new AuditTampering(dataSource);
        tamper.execute("UPDATE audit_event SET details = '{\"amount\": 99}' WHERE id = " + evidence);
        try {
            AuditPruner.Result result = pruner.prune("test");

            assertThat(result.problem()).contains("do not verify, so they are kept as evidence")
                    .contains("Broken at event " + evidence);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE id = ?", Long.class, evidence))
                    .isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT outcome FROM audit_event WHERE action = 'audit.pruned' "
                    + "ORDER BY id DESC LIMIT 1", String.class)).isEqualTo("FAILURE");
        }
        finally {
            tamper.execute("UPDATE audit_event SET details = '{\"amount\": 10}' WHERE id = " + evidence);
        }

        String hash = jdbc.queryForObject("SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1", String.class);
        long newest = jdbc.queryForObject("SELECT max(id) FROM audit_event", Long.class);
        assertThatThrownBy(() -> jdbc.queryForObject("SELECT audit_prune(?, ?, 'x', 'y', 'mallory')", Long.class,
                newest, hash)).rootCause().hasMessageContaining("not every event up to " + newest + " is older than 30 days");
        assertThat(pruner.prune("test").problem()).isNull();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE id = ?", Long.class, evidence)).isZero();
        assertThat(verifier.verify().intact()).isTrue();

        long remaining = jdbc.queryForObject("SELECT min(id) FROM audit_event", Long.class);
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_event WHERE id = ?", remaining))
                .rootCause().hasMessageContaining("audit_event is append-only: DELETE is not allowed");
        assertThatThrownBy(() -> jdbc.update("DELETE FROM audit_checkpoint"))
                .rootCause().hasMessageContaining("audit_checkpoint is append-only: DELETE is not allowed");
        assertThatThrownBy(() -> jdbc.update("UPDATE audit_settings SET retention_days = 0"))
                .as("the database checks the setting too").hasMessageContaining("audit_settings_retention_days_check");
    }

    @Test
    void theRetentionSettingIsValidatedAndKeepForeverIsTheDefault() throws Exception {
        PortalUserPrincipal admin = TestData.principal(data.admin());
        mvc.perform(post("/admin/audit/retention").with(user(admin)).with(csrf()).param("retentionDays", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Between 1 and 36500 days, or empty to keep forever.")));
        mvc.perform(post("/admin/audit/retention").with(user(admin)).with(csrf()).param("retentionDays", "ten"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("A whole number of days")));
        mvc.perform(post("/admin/audit/retention").with(user(admin)).with(csrf()).param("retentionDays", ""))
                .andExpect(redirectedUrl("/admin/audit/retention"));
        assertThat(retention.setting().days()).isNull();
        assertThat(jdbc.queryForObject("SELECT details->>'to' FROM audit_event WHERE action = 'audit.retention.changed' "
                + "ORDER BY id DESC LIMIT 1", String.class)).isEqualTo("forever");
        assertThat(pruner.prune("test")).isEqualTo(new AuditPruner.Result(0, 0, null));
        mvc.perform(post("/admin/audit/retention").with(user(TestData.principal(data.user("not-admin")))).with(csrf())
                .param("retentionDays", "1")).andExpect(status().isForbidden());
    }

    @Autowired
    AuditPruner pruner;

    @Autowired
    AuditRetention retention;
}
