package com.mcpportal.portal.security;

import com.mcpportal.portal.support.Browser;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.GroupMemberships;
import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.team.TeamRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new engineer in Chromium: signs in on the identity provider's own login page, lands in the team their group
 * grants, creates an environment of that team as the operator the group makes them (no administrator touched the
 * portal for them), and signs out of the portal and the provider.
 */
class SsoBrowserIntegrationTests extends OidcProviderSupport {

    @Autowired
    TestData data;

    @Autowired
    GroupMemberships groups;

    Browser browser;

    @BeforeEach
    void startBrowser() {
        browser = Browser.start("http://localhost:" + port);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void anEngineerInAMappedGroupSignsInAtTheProviderCreatesAnEnvironmentOfTheirTeamAndSignsOutOfBoth() {
        Team team = data.team("Payments", data.user("payments-founder"));
        groups.add(team.getId(), "workforce", "payments-engineers", TeamRole.OPERATOR);
        String username = TestData.unique("olivia");

        browser.open("/login").follow("Sign in with Workforce");

        assertThat(browser.path()).as("the provider's own login page").startsWith("/workforce/authorize");
        browser.fill("username", TestData.unique("workforce-subject"))
                .fill("claims", "{\"preferred_username\": \"" + username + "\", \"groups\": [\"payments-engineers\","
                        + " \"eng-all\"]}")
                .click("input[type=submit]")
                .awaitText("header", username);

        assertThat(browser.path()).isEqualTo("/teams");
        assertThat(browser.text()).contains(team.getName(), "Operator");
        browser.open("/teams/" + team.getId());
        assertThat(browser.heading()).contains(team.getName());

        // Nobody granted anything by hand: the group's role is enough to make the team's new environment.
        String environment = TestData.unique("checkout-voice");
        browser.follow("Environments").follow("New environment").fill("name", environment)
                .fill("elevenLabsApiKey", "xi-sso-engineer-key-1").press("Create environment");
        assertThat(browser.heading()).isEqualTo(environment);
        browser.open("/teams/" + team.getId());
        assertThat(browser.text()).contains(environment);
        assertThat(jdbc.queryForObject("SELECT actor FROM audit_event WHERE action = 'environment.created'"
                + " AND details->>'name' = ?", String.class, environment)).isEqualTo(username);
        assertThat(browser.consoleErrors()).as("nothing but the provider's login page asking for a web font (no internet"
                + " here)").allMatch(error -> error.contains("fonts.googleapis.com"));

        browser.open("/teams/" + team.getId() + "/settings");
        assertThat(browser.text()).contains(username, "from group payments-engineers (Workforce)");

        browser.signOut().awaitText(".flash", "You are signed out.");

        assertThat(browser.path()).isEqualTo("/login");
        browser.open("/teams");
        assertThat(browser.path()).as("the portal session ended").isEqualTo("/login");
    }
}
