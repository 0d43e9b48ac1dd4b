package com.mcpportal.portal.security;

import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.user.UserAccount;
import com.mcpportal.portal.user.UserAccountService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static com.mcpportal.portal.security.SignIns.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Signing in through the real login form: audit, delays, disabled accounts, first-sign-in password change. */
@PortalIntegrationTest
class SignInIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    UserAccountService users;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void healthIsPublicAndEverythingElseNeedsASignIn() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk())
                .andExpect(content().string(containsString("UP")));
        mvc.perform(get("/teams")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Security-Policy",
                        containsString("script-src 'self'")));
    }

    @Test
    void withNoIdentityProviderConfiguredTheLoginPageIsTheLocalFormAlone() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"password\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("/oauth2/authorization"))));
        mvc.perform(get("/oauth2/authorization/staff")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void signInsAndFailuresAreAuditedWithoutThePassword() throws Exception {
        UserAccount alice = data.user("alice");

        mvc.perform(formLogin().user(alice.getUsername()).password("not-her-password"))
                .andExpect(redirectedUrl("/login?error=bad-credentials"));
        mvc.perform(formLogin().user(alice.getUsername()).password(TestData.PASSWORD))
                .andExpect(redirectedUrl("/teams"));

        assertThat(jdbc.queryForList("SELECT outcome FROM audit_event WHERE action = 'auth.sign-in' AND target_id = ? "
                + "ORDER BY id", String.class, alice.getUsername())).containsExactly("FAILURE", "SUCCESS");
        assertThat(jdbc.queryForObject("SELECT details->>'username' FROM audit_event WHERE action = 'auth.sign-in' "
                + "AND outcome = 'FAILURE' AND target_id = ?", String.class, alice.getUsername()))
                .isEqualTo(alice.getUsername());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE details::text LIKE '%not-her-password%'",
                Long.class)).isZero();
    }

    @Test
    void wrongPasswordsPastTheFreeOnesMakeTheUsernameWaitEvenForTheRightPassword() throws Exception {
        UserAccount bob = data.user("bob");
        String guesser = "203.0.113.91";
        for (int attempt = 1; attempt <= 5; attempt++) {
            mvc.perform(signIn(bob.getUsername(), "wrong-" + attempt, guesser))
                    .andExpect(redirectedUrl("/login?error=bad-credentials"));
        }
        mvc.perform(signIn(bob.getUsername(), "wrong-6", guesser))
                .andExpect(redirectedUrl("/login?error=throttled&wait=15"));
        mvc.perform(signIn(bob.getUsername(), TestData.PASSWORD, "192.0.2.91"))
                .andExpect(redirectedUrlPattern("/login?error=throttled&wait=*"));
        mvc.perform(get("/login").param("error", "throttled").param("wait", "15"))
                .andExpect(content().string(containsString("Try again in 15 seconds")));

        // Unknown usernames wait the same way, so the message does not tell which accounts exist.
        String ghost = TestData.unique("nobody");
        for (int attempt = 1; attempt <= 5; attempt++) {
            mvc.perform(signIn(ghost, "x-" + attempt, "203.0.113.92"))
                    .andExpect(redirectedUrl("/login?error=bad-credentials"));
        }
        mvc.perform(signIn(ghost, "x-6", "203.0.113.92")).andExpect(redirectedUrl("/login?error=throttled&wait=15"));
    }

    @Test
    void aDisabledUserCannotSignInAndTheirOpenSessionEnds() throws Exception {
        UserAccount carol = data.user("carol");
        MvcResult signedIn = mvc.perform(formLogin().user(carol.getUsername()).password(TestData.PASSWORD))
                .andExpect(redirectedUrl("/teams")).andReturn();
        MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession(false);
        mvc.perform(get("/teams").session(session)).andExpect(status().isOk());

        users.setEnabled(carol.getId(), false, "admin");

        mvc.perform(get("/teams").session(session)).andExpect(redirectedUrl("/login?error=disabled"));
        assertThat(session.isInvalid()).isTrue();
        mvc.perform(formLogin().user(carol.getUsername()).password(TestData.PASSWORD))
                .andExpect(redirectedUrl("/login?error=disabled"));
        // A wrong password on a disabled account says only "wrong", so status cannot be probed without it.
        mvc.perform(formLogin().user(carol.getUsername()).password("guess"))
                .andExpect(redirectedUrl("/login?error=bad-credentials"));
    }

    @Test
    void aNewUserMustReplaceTheOneTimePasswordBeforeAnythingElse() throws Exception {
        UserAccountService.CreatedUser dave = users.create(TestData.unique("dave"), false);
        MvcResult signedIn = mvc.perform(formLogin().user(dave.user().getUsername()).password(dave.oneTimePassword()))
                .andReturn();
        MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession(false);

        mvc.perform(get("/teams").session(session)).andExpect(redirectedUrl("/account/password"));
        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("currentPassword", dave.oneTimePassword())
                        .param("newPassword", "short").param("confirmPassword", "short"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Use at least 12 characters.")));
        mvc.perform(post("/account/password").session(session).with(csrf())
                        .param("currentPassword", dave.oneTimePassword())
                        .param("newPassword", "a-good-long-password").param("confirmPassword", "a-good-long-password"))
                .andExpect(redirectedUrl("/teams"));
        mvc.perform(get("/teams").session(session)).andExpect(status().isOk());
        mvc.perform(formLogin().user(dave.user().getUsername()).password(dave.oneTimePassword()))
                .andExpect(redirectedUrl("/login?error=bad-credentials"));
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        UserAccount erin = data.user("erin");
        String name = TestData.unique("No Token Team");
        mvc.perform(post("/teams").with(user(TestData.principal(erin))).param("name", name))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM team WHERE name = ?", Long.class, name)).isZero();
    }
}
