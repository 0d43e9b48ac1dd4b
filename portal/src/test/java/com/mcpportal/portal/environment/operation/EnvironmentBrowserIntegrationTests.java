package com.mcpportal.portal.environment.operation;

import com.mcpportal.portal.cloud.image.ServerImages;
import com.mcpportal.portal.support.BrowserTestSupport;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** What a team owner does in a real browser: create an environment, provision it, stop, start, deprovision. */
class EnvironmentBrowserIntegrationTests extends BrowserTestSupport {

    @Autowired
    OperationRunner runner;

    @Autowired
    ServerImages serverImages;

    @AfterEach
    void stopObserving() {
        runner.observeWith(null);
    }

    @Test
    void ownerRunsAnEnvironmentThroughItsWholeLifeWatchingProgressLive() {
        // Slow each step down a little, as the real simulated cloud is, so the page shows progress while it polls.
        runner.observeWith(new StepObserver() {
            @Override
            public void beforeStep(long operationId, String step) {
                try {
                    Thread.sleep(150);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        Team team = data.team("Browser Env", data.admin());
        String name = TestData.unique("voice");

        browser.signIn("admin", TestData.ADMIN_PASSWORD).open("/teams/" + team.getId()).follow("Environments")
                .follow("New environment");
        browser.fill("name", name).fill("elevenLabsApiKey", "xi-browser-key-123456").press("Create environment");
        assertThat(browser.flash()).contains("Created " + name + " as a draft");
        assertThat(browser.heading()).isEqualTo(name);
        assertThat(browser.texts("#environment-state")).containsExactly("Draft");

        browser.press("Provision");
        assertThat(browser.flash()).contains("Provision started");
        browser.script("window.portalTestMarker = 'same page';");
        browser.awaitText("#environment-state", "Ready").awaitText("#environment-power", "On");
        assertThat(browser.script("return window.portalTestMarker")).as("updated without a reload")
                .isEqualTo("same page");
        assertThat(browser.texts("#endpoint-url").get(0)).matches("https://[a-z0-9]{10}\\.execute-api\\.eu-central-1"
                + "\\.amazonaws\\.com/mcp");
        // One tab per MCP client, Cursor's open; each shows its own snippet with the endpoint and a copy button.
        String endpoint = browser.texts("#endpoint-url").get(0);
        assertThat(browser.texts(".tabs label.tab")).containsExactly("Cursor", "Claude Desktop", "Claude Code",
                "VS Code", "Windsurf");
        assertThat(browser.texts("#env-snippet-cursor").get(0)).contains("\"Authorization\": \"Bearer <your key>\"")
                .contains(endpoint);
        assertThat(browser.shows("#env-snippet-claude-code")).isFalse();
        browser.click("label[for=env-client-claude-code]");
        assertThat(browser.shows("#env-snippet-cursor")).isFalse();
        assertThat(browser.texts("#env-snippet-claude-code").get(0)).startsWith("claude mcp add --transport http ")
                .contains(endpoint).endsWith("--header \"Authorization: Bearer <your key>\"");
        assertThat(browser.shows("#env-panel-claude-code button.copy")).isTrue();
        browser.click("label[for=env-client-windsurf]");
        assertThat(browser.texts("#env-snippet-windsurf").get(0)).contains("\"serverUrl\": \"" + endpoint + "\"");
        browser.screenshot("environment-client-tabs");

        // The portal, not the browser, tests the endpoint; in the simulated cloud nothing runs behind it.
        browser.press("Test connection");
        assertThat(browser.flash()).startsWith("Simulated account: " + endpoint.replace("/mcp", "/health"))
                .contains("nothing was called");
        assertThat(browser.consoleErrors()).isEmpty();
        assertThat(browser.text()).contains("NAT instance", "vpc-0", "Server image: the MCP server published")
                .doesNotContain("xi-browser-key-123456");
        assertThat(browser.texts("#server-version")).containsExactly(serverImages.carriedVersion().orElseThrow());
        assertThat(browser.texts("#server-digest").get(0)).matches("sha256:[0-9a-f]{64}");
        browser.screenshot("environment-ready");

        assertThat(browser.shows("#start-now")).as("Start is not offered while the environment is on").isFalse();
        browser.press("Stop now");
        browser.awaitText("#environment-power", "Off");
        browser.awaitText("#start-now", "Start now");
        assertThat(browser.shows("#stop-now")).as("Stop is not offered while the environment is off").isFalse();
        browser.press("Start now");
        browser.awaitText("#environment-power", "On");
        assertThat(browser.texts("ol.steps li")).anyMatch(step -> step.contains("NAT instance running"));

        browser.fill("confirmName", name).press("Deprovision");
        assertThat(browser.flash()).contains("Deprovision started");
        browser.awaitText("#environment-state", "Deleted");
        browser.screenshot("environment-deleted");
        browser.open("/teams/" + team.getId() + "/environments");
        assertThat(browser.text()).doesNotContain(name);
    }
}
