package com.mcpportal.portal.web;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import com.mcpportal.portal.apikey.ApiKeyService;
import com.mcpportal.portal.apikey.IssueKeyCommand;
import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.audit.AuditLog;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.support.BrowserTestSupport;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a phone's 390 px the audit log and an environment's page read without scrolling the page sideways; on a laptop
 * (721 to 1280 px, where tables are still tables) the main tables fit their box without scrolling inside it.
 */
class SmallScreenBrowserIntegrationTests extends BrowserTestSupport {

    private static final int PHONE_WIDTH = 390;

    @Autowired
    ApplicationContext context;

    @Autowired
    AuditLog auditLog;

    @Autowired
    ApiKeyService apiKeys;

    @Test
    void theAuditLogAndAnEnvironmentFitAPhone() {
        Team team = data.team("Phone", data.admin());
        Environment environment = new Environments(context).ready(team.getId(), "on-the-go");
        auditLog.record(AuditEntry.success("environment.updated").team(team.getId())
                .target("environment", environment.getId()).detail("name", environment.getName())
                .detail("changed", java.util.List.of("cpu", "memory", "architecture", "fargateSpot", "allowedCidrs"))
                .detail("before", "x".repeat(300)));

        browser.resize(PHONE_WIDTH, 844).signIn("admin", TestData.ADMIN_PASSWORD);
        assertThat(browser.script("return window.innerWidth")).as("the window's width, with its scroll bar")
                .isEqualTo((long) PHONE_WIDTH);

        browser.open("/audit?team=" + team.getId() + "&browserZone=UTC");
        assertThat(browser.texts(".audit-row .sentence")).anyMatch(sentence -> sentence.contains("changed cpu, memory"));
        assertThat(browser.fitsWidth()).as("the audit log fits; too wide: %s", browser.tooWide()).isTrue();
        browser.screenshot("phone-audit-log");
        browser.follow(browser.texts(".audit-row td:first-child a").get(0));
        assertThat(browser.fitsWidth()).as("an audit event fits; too wide: %s", browser.tooWide()).isTrue();

        browser.open("/teams/" + team.getId() + "/environments/" + environment.getId());
        assertThat(browser.heading()).isEqualTo(environment.getName());
        assertThat(browser.fitsWidth()).as("the environment page fits; too wide: %s", browser.tooWide()).isTrue();
        browser.screenshot("phone-environment");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void theMainTablesFitTheirBoxOnALaptop() {
        Team team = data.team("Laptop team with a longer name", data.admin());
        Environments environments = new Environments(context);
        Environment environment = environments.ready(team.getId(), "laptop-environment-name");
        environments.draft(team.getId(), "laptop-draft");
        apiKeys.issue(team.getId(), new IssueKeyCommand("Cursor on Ana's laptop in the Berlin office",
                Duration.ofDays(30), false, Set.of(environment.getId()), null));
        apiKeys.issue(team.getId(), new IssueKeyCommand("ci-bot", Duration.ofDays(90), true, Set.of(), null));
        auditLog.record(AuditEntry.success("environment.updated").team(team.getId())
                .target("environment", environment.getId()).detail("name", environment.getName())
                .detail("changed", List.of("cpu", "memory", "architecture", "fargateSpot", "allowedCidrs"))
                .detail("before", "x".repeat(300)));
        // A person signed in with a provider is named by a long address without spaces: the unfiltered log of CI's
        // shared database held such names (SSO tests), and one made the table wider than its box at 760 px.
        auditLog.record(AuditEntry.success("team.member.added").team(team.getId()).target("team", team.getId())
                .actor("platform.engineer.with.a.long.name@staff.identity.example.test")
                .detail("username", "contractor.with.a.long.name@contractors.identity.example.test")
                .detail("role", "VIEWER"));
        browser.signIn("admin", TestData.ADMIN_PASSWORD);
        String teamPath = "/teams/" + team.getId();

        for (int width : List.of(1024, 760, 1280)) {
            browser.resize(width, 900);
            assertFits(teamPath + "/environments", "table.environments", width);
            assertFits(teamPath + "/api-keys", "table.api-keys", width);
            assertThat(browser.texts("table.api-keys tbody tr").get(0)).as("the key's public id, at %d px", width)
                    .containsPattern("mcp_\\w+_…");
            assertFits("/audit", "table.audit", width);
            assertFits("/audit?team=" + team.getId(), "table.audit", width);
        }
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /** The table shows all its columns within its box: nothing to scroll sideways, inside the box or on the page. */
    private void assertFits(String path, String table, int width) {
        browser.open(path);
        Object overflow = browser.script("var t = document.querySelector('" + table + "');"
                + " var box = t.closest('.table-wrap') || t.parentElement;"
                + " return box.scrollWidth - box.clientWidth;");
        browser.script("document.querySelector('" + table + "').scrollIntoView();");
        browser.screenshot("laptop-" + width + "-" + table.replace("table.", ""));
        assertThat(overflow).as("%s on %s at %d px: pixels scrolled sideways inside its box", table, path, width)
                .isEqualTo(0L);
        assertThat(browser.fitsWidth()).as("%s at %d px fits; too wide: %s", path, width, browser.tooWide()).isTrue();
        // squeezed, not mangled: a state or outcome badge is never cut into lines ("Draf / t")
        assertThat(browser.script("var r = document.createRange();"
                + " return Array.from(document.querySelectorAll('" + table + " .badge')).filter(function (b) {"
                + " r.selectNodeContents(b); return r.getClientRects().length > 1; }).map(function (b) {"
                + " return b.textContent.trim(); });"))
                .as("%s on %s at %d px: badges broken over lines", table, path, width).isEqualTo(List.of());
    }
}
