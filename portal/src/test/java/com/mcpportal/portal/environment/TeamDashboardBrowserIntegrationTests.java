package com.mcpportal.portal.environment;

import java.time.Duration;

import com.mcpportal.portal.support.BrowserTestSupport;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A person walks the team dashboard on a desktop and on a phone's 390 px: copies an endpoint, stops an environment
 * from its card, stays on the dashboard and sees Start offered once it is off; an empty team shows the first steps. No sideways scroll, no
 * console errors.
 */
class TeamDashboardBrowserIntegrationTests extends BrowserTestSupport {

    private static final int PHONE_WIDTH = 390;

    @Autowired
    ApplicationContext context;

    @Test
    void theDashboardShowsEachEnvironmentAndActsOnIt() {
        Team team = data.team("Platform", data.admin());
        Environments environments = new Environments(context);
        Environment ready = environments.ready(team.getId(), "dash-api");
        Environment draft = environments.draft(team.getId(), "dash-draft");
        String card = "#env-" + ready.getId();

        browser.signIn("admin", TestData.ADMIN_PASSWORD).open("/teams/" + team.getId());
        assertThat(browser.title()).isEqualTo(team.getName() + " · MCP Portal");
        assertThat(browser.heading()).isEqualTo(team.getName());
        assertThat(browser.texts(".env-card h2")).containsExactlyInAnyOrder(ready.getName(), draft.getName());
        assertThat(browser.texts(card + " .endpoint code")).containsExactly(ready.resources().mcpUrl());
        assertThat(browser.texts(card + " .power strong")).containsExactly("On");
        assertThat(browser.texts(card + " .env-actions button")).containsExactly("Stop");
        assertThat(browser.texts("#env-" + draft.getId() + " .env-actions button")).containsExactly("Provision");

        browser.click(card + " button.copy");
        browser.awaitText(card + " button.copy", "C");
        assertThat(browser.texts(card + " button.copy").get(0)).isIn("Copied", "Selected: press Ctrl+C");
        assertThat(browser.fitsWidth()).as("too wide: %s", browser.tooWide()).isTrue();
        browser.screenshot("dashboard-desktop");

        browser.press("Stop");
        assertThat(browser.path()).isEqualTo("/teams/" + team.getId());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(browser.texts(card + " .env-actions button")).containsExactly("Start"));
        assertThat(browser.texts(card + " .power strong")).containsExactly("Off");
        assertThat(browser.texts(card + " .last-operation")).anyMatch(text -> text.contains("Stop succeeded"));

        browser.follow("Members & settings");
        assertThat(browser.heading()).isEqualTo("Members & settings");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aPhoneReadsTheDashboardAndTheFirstStepsWithoutScrollingSideways() {
        Team busy = data.team("Phone", data.admin());
        new Environments(context).ready(busy.getId(), "dash-phone-wide-name");
        Team empty = data.team("Empty", data.admin());

        browser.resize(PHONE_WIDTH, 844).signIn("admin", TestData.ADMIN_PASSWORD);
        assertThat(browser.script("return window.innerWidth")).isEqualTo((long) PHONE_WIDTH);

        browser.open("/teams/" + busy.getId());
        assertThat(browser.shows(".env-card")).isTrue();
        assertThat(browser.fitsWidth()).as("the dashboard fits; too wide: %s", browser.tooWide()).isTrue();
        browser.screenshot("phone-dashboard");

        browser.open("/teams/" + empty.getId());
        assertThat(browser.texts("#first-steps li")).hasSize(4);
        assertThat(browser.fitsWidth()).as("the first steps fit; too wide: %s", browser.tooWide()).isTrue();
        browser.screenshot("phone-dashboard-empty");

        browser.follow("Members & settings");
        assertThat(browser.fitsWidth()).as("members and settings fit; too wide: %s", browser.tooWide()).isTrue();
        assertThat(browser.consoleErrors()).isEmpty();
    }
}
