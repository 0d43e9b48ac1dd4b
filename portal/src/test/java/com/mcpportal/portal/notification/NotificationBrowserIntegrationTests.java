package com.mcpportal.portal.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.mcpportal.portal.support.Axe;
import com.mcpportal.portal.support.BrowserTestSupport;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a team owner does in a real browser: add a Slack channel, send it a test message, and see the delivery listed
 * as sent once the portal's clustered dispatcher sent it (WireMock stands in for Slack). The pages fit a phone, and
 * pass axe-core where it is installed.
 */
class NotificationBrowserIntegrationTests extends BrowserTestSupport {

    private final WireMockServer slack = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    @BeforeEach
    void startSlack() {
        slack.start();
        slack.stubFor(post(urlEqualTo("/services/T1/B1/browser")).willReturn(aResponse().withStatus(200).withBody("ok")));
    }

    @AfterEach
    void stopSlack() {
        slack.stop();
    }

    @Test
    void anOwnerAddsASlackChannelSendsATestMessageAndSeesItDelivered() {
        Team team = data.team("Browser Notify", data.admin());
        String page = "/teams/" + team.getId() + "/notifications";

        browser.signIn("admin", TestData.ADMIN_PASSWORD).open("/teams/" + team.getId()).follow("Notifications");
        assertThat(browser.heading()).isEqualTo("Notifications of " + team.getName());
        browser.choose("kind", "Slack incoming webhook").fill("name", "#browser-alerts")
                .fill("url", slack.baseUrl() + "/services/T1/B1/browser").press("Add channel");
        assertThat(browser.flash()).contains("Added the channel #browser-alerts");
        assertThat(browser.heading()).isEqualTo("#browser-alerts");

        browser.press("Send test message");
        assertThat(browser.flash()).contains("Queued a test message");
        await().atMost(Duration.ofSeconds(60)).until(() -> browser.open(browser.path())
                .texts("#deliveries .badge").contains("Sent"));
        assertThat(browser.texts("#deliveries td[data-label='Message']"))
                .containsExactly("Test message from the MCP Portal");
        slack.verify(1, postRequestedFor(urlEqualTo("/services/T1/B1/browser")));

        for (String path : new String[] {page, browser.path()}) {
            browser.resize(390, 844).open(path);
            assertThat(browser.fitsWidth()).as("%s fits a phone; too wide: %s", path, browser.tooWide()).isTrue();
            assertThat(browser.consoleErrors()).as("%s: console errors", path).isEmpty();
            if (Axe.installed()) {
                assertThat(Axe.load().seriousViolations(browser)).as("%s: axe's serious violations", path).isEmpty();
            }
        }
    }
}
