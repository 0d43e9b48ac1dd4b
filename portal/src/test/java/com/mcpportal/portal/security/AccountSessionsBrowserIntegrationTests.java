package com.mcpportal.portal.security;

import com.mcpportal.portal.support.Browser;
import com.mcpportal.portal.support.BrowserTestSupport;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.user.UserAccount;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a person does in two real browsers: sees both sessions on the account page and ends the other one. */
class AccountSessionsBrowserIntegrationTests extends BrowserTestSupport {

    @Test
    void aUserEndsTheirSessionInAnotherBrowserFromTheAccountPage() {
        UserAccount ida = data.user("ida");
        try (Browser phone = Browser.start("http://localhost:" + port)) {
            phone.signIn(ida.getUsername(), TestData.PASSWORD);
            assertThat(phone.path()).isEqualTo("/teams");

            browser.signIn(ida.getUsername(), TestData.PASSWORD).open("/account");
            assertThat(browser.texts("table.sessions tbody tr")).hasSize(2);
            assertThat(browser.text()).contains("Open sessions", "This session");
            browser.screenshot("account-open-sessions");

            browser.press("End");
            assertThat(browser.flash()).contains("The session is ended");
            assertThat(browser.texts("table.sessions tbody tr")).hasSize(1);

            phone.open("/teams");
            assertThat(phone.path()).isEqualTo("/login");
            assertThat(phone.text()).contains("Your session has ended");
            phone.screenshot("login-session-ended");
        }
    }

    @Test
    void theSignInPageSaysHowLongToWaitAfterTooManyFailures() {
        String username = TestData.unique("guessed");
        for (int attempt = 1; attempt <= 6; attempt++) {
            browser.signIn(username, "wrong-password-" + attempt);
        }
        assertThat(browser.flash()).contains("Too many failed sign-ins", "Try again in");
        browser.screenshot("login-throttled");
    }
}
