package com.mcpportal.portal.web;

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

/** On a phone's 390 px the audit log and an environment's page read without scrolling the page sideways. */
class SmallScreenBrowserIntegrationTests extends BrowserTestSupport {

    private static final int PHONE_WIDTH = 390;

    @Autowired
    ApplicationContext context;

    @Autowired
    AuditLog auditLog;

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
}
