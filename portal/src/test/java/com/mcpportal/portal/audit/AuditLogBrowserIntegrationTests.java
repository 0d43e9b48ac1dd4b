package com.mcpportal.portal.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.mcpportal.portal.support.BrowserTestSupport;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.user.UserAccount;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;


/** A team owner reviews the team's audit log in a real browser: filters, pages back and forth, opens an event. */
class AuditLogBrowserIntegrationTests extends BrowserTestSupport {

    @Autowired
    AuditLog auditLog;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anOwnerFiltersPagesAndOpensAnEvent() throws Exception {
        UserAccount owner = data.user("reviewer");
        Team team = data.team("Reviewed", owner);
        for (int i = 1; i <= 8; i++) {
            auditLog.record(AuditEntry.success("environment.started").team(team.getId()).actor("scheduler")
                    .target("environment", "env-" + i).detail("name", "env-" + i).detail("reason", "window " + i + " opened"));
            if (i % 2 == 0) {
                auditLog.record(AuditEntry.success("apikey.created").team(team.getId()).actor(owner.getUsername()));
            }
        }

        browser.signIn(owner.getUsername(), TestData.PASSWORD).open("/teams/" + team.getId()).follow("Audit log");
        awaitBrowserZone();
        assertThat(browser.heading()).isEqualTo("Audit log");
        assertThat(browser.texts(".audit-row td:nth-child(4) code")).hasSize(13).contains("apikey.created", "team.created");

        browser.open("/audit?team=" + team.getId() + "&size=3&zone=Asia/Tokyo")
                .fill("action", "environment.*").fill("text", "OPENED").press("Apply");
        assertThat(browser.text()).contains("Times in Asia/Tokyo");
        assertThat(targets()).containsExactly("environment env-8", "environment env-7", "environment env-6");
        assertThat(browser.texts(".audit-row td.sentence")).containsExactly(
                "scheduler started environment env-8 (window 8 opened)",
                "scheduler started environment env-7 (window 7 opened)",
                "scheduler started environment env-6 (window 6 opened)");
        String newestTime = browser.texts(".audit-row td:nth-child(2)").get(0);
        Instant stored = jdbc.queryForObject("SELECT occurred_at FROM audit_event WHERE team_id = ? AND target_id = 'env-8'",
                (rs, n) -> rs.getTimestamp(1).toInstant(), team.getId());
        assertThat(newestTime).isEqualTo(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .format(stored.atZone(ZoneId.of("Asia/Tokyo"))));
        browser.screenshot("audit-filtered-first-page");

        browser.follow("Older →");
        assertThat(targets()).containsExactly("environment env-5", "environment env-4", "environment env-3");
        // Meanwhile the scheduler keeps working; the older pages stay as they were.
        auditLog.record(AuditEntry.success("environment.started").team(team.getId()).actor("scheduler")
                .target("environment", "env-9").detail("reason", "window 9 opened"));
        browser.follow("Older →");
        assertThat(targets()).containsExactly("environment env-2", "environment env-1");
        assertThat(browser.texts(".pager a")).containsExactly("← Newer");
        browser.follow("← Newer");
        assertThat(targets()).containsExactly("environment env-5", "environment env-4", "environment env-3");
        browser.follow("← Newer");
        assertThat(targets()).as("the page just newer, as it was").containsExactly("environment env-8",
                "environment env-7", "environment env-6");
        browser.follow("← Newer");
        assertThat(targets()).as("a full first page, now with the new event")
                .containsExactly("environment env-9", "environment env-8", "environment env-7");
        assertThat(browser.texts(".pager a")).containsExactly("Older →");

        String id = browser.texts(".audit-row td:first-child a").get(1);
        browser.follow(id);
        assertThat(browser.heading()).isEqualTo("Audit event " + id);
        assertThat(browser.texts("#audit-sentence")).containsExactly("scheduler started environment env-8 (window 8 opened)");
        assertThat(browser.text()).contains("environment.started", "scheduler", team.getName(), "Asia/Tokyo");
        assertThat(browser.texts(".audit-details dt")).containsExactly("name", "reason");
        assertThat(browser.texts(".audit-details dd")).containsExactly("env-8", "window 8 opened");
        assertThat(browser.text()).as("the raw JSON, folded").doesNotContain("\"reason\" : \"window 8 opened\"");
        browser.click("details.raw-json summary");
        assertThat(browser.text()).contains("\"reason\" : \"window 8 opened\"");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("audit-event-detail");
        browser.follow("← Back to the log");
        assertThat(browser.text()).contains("Times in Asia/Tokyo");
        assertThat(targets()).hasSize(3);
    }

    private List<String> targets() {
        return browser.texts(".audit-row td:nth-child(5)");
    }

    /** The first visit reloads itself once with the browser's zone; wait for that before reading the page. */
    private void awaitBrowserZone() {
        await("the page learning the browser's time zone").atMost(Duration.ofSeconds(20))
                .until(() -> browser.texts("#zone option"), options -> !options.isEmpty()
                        && options.get(0).startsWith("Browser zone ("));
    }
}
