package com.mcpportal.portal.team;

import com.mcpportal.portal.support.BrowserTestSupport;
import com.mcpportal.portal.support.TestData;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;

import static org.assertj.core.api.Assertions.assertThat;

/** What an administrator and a new colleague do in a real browser to get the colleague into a team. */
class TeamOnboardingBrowserIntegrationTests extends BrowserTestSupport {

    @Test
    void adminOnboardsAColleagueWhoThenSeesOnlyTheirTeam() {
        String teamName = TestData.unique("Voice Agents");
        String otherTeam = TestData.unique("Billing");
        String username = TestData.unique("newbie");

        browser.signIn("admin", TestData.ADMIN_PASSWORD);
        assertThat(browser.path()).isEqualTo("/teams");

        browser.fill("name", otherTeam).press("Create team");
        browser.open("/teams").fill("name", teamName).press("Create team");
        assertThat(browser.flash()).contains("Created team " + teamName);
        long teamId = Long.parseLong(browser.path().substring("/teams/".length()));

        browser.follow("Users").fill("username", username).press("Create user");
        assertThat(browser.flash()).contains("Created " + username);
        String oneTimePassword = browser.texts(".one-time-password").get(0);
        assertThat(oneTimePassword).hasSize(20);
        assertThat(browser.texts("button.copy[data-copy=one-time-password]")).containsExactly("Copy password");
        browser.screenshot("admin-created-user");

        browser.open("/teams/" + teamId).follow("Members & settings");
        // The page lists no accounts; the first letters typed (any case) bring the matching people to pick from.
        assertThat(browser.texts("#member-suggestions li")).isEmpty();
        browser.fill("username", "NEWB").awaitText("#member-suggestions", username);
        assertThat(browser.script("return document.getElementById('username').getAttribute('aria-expanded')"))
                .isEqualTo("true");
        browser.click("#member-suggestions [data-username='" + username + "']");
        assertThat(browser.script("return document.getElementById('username').value")).isEqualTo(username);
        assertThat(browser.shows("#member-suggestions")).as("the list closes once a person is picked").isFalse();
        // The keyboard picks too, and Enter on a suggestion picks it rather than sending the form (which would add
        // the person as Viewer, and the Operator added below would be refused as a member already).
        browser.fill("username", "newbi").awaitText("#member-suggestions", username)
                .keys("username", Keys.ARROW_DOWN, Keys.ENTER);
        assertThat(browser.script("return document.getElementById('username').value")).isEqualTo(username);
        assertThat(browser.shows("#member-suggestions")).isFalse();
        browser.choose("role", "Operator").press("Add member");
        assertThat(browser.flash()).contains("Added " + username + " as Operator");
        assertThat(browser.text()).contains(username);
        browser.screenshot("team-with-new-member");
        browser.signOut();

        browser.signIn(username, oneTimePassword);
        assertThat(browser.path()).isEqualTo("/account/password");
        browser.fill("currentPassword", oneTimePassword)
                .fill("newPassword", "my-own-long-password")
                .fill("confirmPassword", "my-own-long-password")
                .press("Change password");

        assertThat(browser.path()).isEqualTo("/teams");
        assertThat(browser.flash()).contains("password is changed");
        assertThat(browser.texts(".teams tbody td a")).containsExactly(teamName);
        assertThat(browser.texts(".team-nav a")).containsExactly(teamName);
        assertThat(browser.text()).doesNotContain(otherTeam);
        browser.screenshot("colleague-sees-only-their-team");

        browser.follow(teamName);
        assertThat(browser.heading()).isEqualTo(teamName);
        assertThat(browser.text()).contains("You act as Operator");
        browser.follow("Members & settings");
        assertThat(browser.text()).contains(username).doesNotContain("Add a member");
        browser.open("/admin/users");
        assertThat(browser.heading()).isEqualTo("Not allowed");
    }
}
