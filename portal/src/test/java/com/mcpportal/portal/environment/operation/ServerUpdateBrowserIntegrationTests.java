package com.mcpportal.portal.environment.operation;

import com.mcpportal.portal.cloud.image.ServerImages;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.environment.update.UpdatePolicies;
import com.mcpportal.portal.support.BrowserTestSupport;
import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a team owner sees and does in a real browser when the portal carries a newer MCP server than an environment
 * runs: "Update available", "Update server" (the page follows the rollout live), then "Roll back" to the earlier one;
 * and the team's choice to update during off-hours.
 */
class ServerUpdateBrowserIntegrationTests extends BrowserTestSupport {

    @Autowired
    ApplicationContext context;

    @Autowired
    ServerImages serverImages;

    @Autowired
    UpdatePolicies policies;

    @Test
    void ownerUpdatesTheServerWatchesItRollOutAndRollsItBack() {
        Team team = data.team("Browser Updates", data.admin());
        Environments environments = new Environments(context);
        Environment older = environments.runsOlderServer(environments.ready(team.getId(), "voice").getId());
        String carried = serverImages.carriedVersion().orElseThrow();

        browser.signIn("admin", TestData.ADMIN_PASSWORD).open("/teams/" + team.getId() + "/environments/"
                + older.getId());
        assertThat(browser.texts("#server-version")).containsExactly(Environments.OLDER_VERSION);
        assertThat(browser.texts("#update-available")).containsExactly("Update available");
        assertThat(browser.texts("#server-update").get(0)).contains("MCP server " + carried + " is available; this"
                + " environment runs " + Environments.OLDER_VERSION + ".");
        assertThat(browser.texts("#roll-back")).as("nothing earlier recorded yet").isEmpty();
        browser.screenshot("server-update-available");

        browser.press("Update server");
        assertThat(browser.flash()).contains("Update server started");
        browser.awaitText("#server-version", carried).awaitText("#server-update", "Up to date");
        assertThat(browser.texts("#update-server")).isEmpty();
        assertThat(browser.texts("#rollback-target").get(0)).startsWith("MCP server " + Environments.OLDER_VERSION
                + ", sha256:");
        assertThat(browser.text()).contains("rolled out: 1 of 1 tasks running");
        browser.screenshot("server-updated");

        browser.press("Roll back");
        assertThat(browser.flash()).contains("Roll back started");
        browser.awaitText("#server-version", Environments.OLDER_VERSION).awaitText("#update-available",
                "Update available");
        assertThat(browser.texts("#rollback-target").get(0)).startsWith("MCP server " + carried);
        assertThat(browser.texts("#server-digest")).containsExactly(older.resources().image().digest());
    }

    @Test
    void anOwnerChoosesOffHoursUpdatesOnTheTeamSettingsPage() {
        Team team = data.team("Browser Night", data.admin());

        browser.signIn("admin", TestData.ADMIN_PASSWORD).open("/teams/" + team.getId() + "/settings");
        assertThat(browser.script("return document.getElementById('autoUpdateOffHours').checked")).isEqualTo(false);
        browser.script("document.getElementById('autoUpdateOffHours').click()");
        browser.press("Save server updates");

        assertThat(browser.flash()).contains("Saved the server update settings.");
        assertThat(browser.script("return document.getElementById('autoUpdateOffHours').checked")).isEqualTo(true);
        assertThat(browser.script("return document.getElementById('allowAnyImageSource').checked")).isEqualTo(false);
        assertThat(policies.of(team.getId()).autoUpdateOffHours()).isTrue();
    }
}
