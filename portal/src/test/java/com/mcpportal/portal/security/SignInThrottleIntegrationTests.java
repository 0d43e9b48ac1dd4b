package com.mcpportal.portal.security;

import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.user.UserAccount;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static com.mcpportal.portal.security.SignIns.signIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Guessing passwords is slowed per client address and per username, with delays that grow instead of a lock: an
 * attacker can neither spray one password over many usernames from one address nor keep a user out who signs in
 * from an address they used before. The address is what the servlet container reports (behind a proxy, only what
 * the trusted proxy configuration accepts), never a header the client sends.
 */
@PortalIntegrationTest
class SignInThrottleIntegrationTests {

    /** The defaults: failures that cost nothing, per username and per client address. */
    private static final int USERNAME_FREE_FAILURES = 5;
    private static final int ADDRESS_FREE_FAILURES = 20;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void sprayingOnePasswordOverManyUsernamesFromOneAddressIsDelayed() throws Exception {
        String sprayer = "203.0.113.51";
        for (int attempt = 1; attempt <= ADDRESS_FREE_FAILURES; attempt++) {
            mvc.perform(signIn(TestData.unique("sprayed"), "Summer2026!Summer", sprayer))
                    .andExpect(redirectedUrl("/login?error=bad-credentials"));
        }
        mvc.perform(signIn(TestData.unique("sprayed"), "Summer2026!Summer", sprayer))
                .andExpect(redirectedUrlPattern("/login?error=throttled&wait=*"));

        UserAccount erin = data.user("erin");
        mvc.perform(signIn(erin.getUsername(), TestData.PASSWORD, sprayer))
                .andExpect(redirectedUrlPattern("/login?error=throttled&wait=*"));
        mvc.perform(signIn(erin.getUsername(), TestData.PASSWORD, "198.51.100.51")).andExpect(redirectedUrl("/teams"));
        mvc.perform(get("/login").param("error", "throttled").param("wait", "30"))
                .andExpect(content().string(containsString("Try again in 30 seconds")));
    }

    @Test
    void aForwardedForHeaderTheClientSendsDoesNotMakeItAnotherAddress() throws Exception {
        String sprayer = "203.0.113.52";
        for (int attempt = 1; attempt <= ADDRESS_FREE_FAILURES; attempt++) {
            mvc.perform(signIn(TestData.unique("sprayed"), "Winter2026!Winter", sprayer)
                    .header("X-Forwarded-For", "10.1.2." + attempt).header("X-Real-IP", "10.1.3." + attempt));
        }
        mvc.perform(signIn(TestData.unique("sprayed"), "Winter2026!Winter", sprayer)
                        .header("X-Forwarded-For", "10.1.2.99").header("X-Real-IP", "10.1.3.99"))
                .andExpect(redirectedUrlPattern("/login?error=throttled&wait=*"));
    }

    @Test
    void anAttackerCannotKeepAUserOutWhoSignsInFromAnAddressTheyUsedBefore() throws Exception {
        UserAccount frank = data.user("frank");
        String home = "198.51.100.61";
        mvc.perform(signIn(frank.getUsername(), TestData.PASSWORD, home)).andExpect(redirectedUrl("/teams"));

        String attacker = "203.0.113.61";
        for (int attempt = 1; attempt <= USERNAME_FREE_FAILURES; attempt++) {
            mvc.perform(signIn(frank.getUsername(), "guess-" + attempt, attacker))
                    .andExpect(redirectedUrl("/login?error=bad-credentials"));
        }
        for (int attempt = 1; attempt <= 10; attempt++) {
            mvc.perform(signIn(frank.getUsername(), "guess-again-" + attempt, attacker))
                    .andExpect(redirectedUrlPattern("/login?error=throttled&wait=*"));
        }
        mvc.perform(signIn(frank.getUsername(), TestData.PASSWORD, "192.0.2.61"))
                .andExpect(redirectedUrlPattern("/login?error=throttled&wait=*"));

        mvc.perform(signIn(frank.getUsername(), TestData.PASSWORD, home)).andExpect(redirectedUrl("/teams"));
    }

    @Test
    void delaysAreShownToAdministratorsAuditedAndCanBeCleared() throws Exception {
        UserAccount grace = data.user("grace");
        String attacker = "203.0.113.71";
        for (int attempt = 1; attempt <= USERNAME_FREE_FAILURES + 1; attempt++) {
            mvc.perform(signIn(grace.getUsername(), "guess-" + attempt, attacker));
        }
        assertThat(jdbc.queryForList("SELECT details->>'kind' FROM audit_event WHERE action = 'auth.sign-in.throttled'"
                + " AND target_id = ?", String.class, grace.getUsername())).containsExactly("username");

        mvc.perform(get("/admin/sign-ins").with(user(TestData.principal(grace)))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/sign-ins").with(user(TestData.principal(data.admin())))).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(grace.getUsername()),
                        containsString("Delayed until"))));

        mvc.perform(post("/admin/sign-ins/clear").with(user(TestData.principal(data.admin()))).with(csrf())
                .param("kind", "username").param("key", grace.getUsername()))
                .andExpect(redirectedUrl("/admin/sign-ins"));
        mvc.perform(get("/admin/sign-ins").with(user(TestData.principal(data.admin()))))
                .andExpect(content().string(not(containsString(grace.getUsername()))));
        mvc.perform(signIn(grace.getUsername(), TestData.PASSWORD, "192.0.2.71")).andExpect(redirectedUrl("/teams"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'auth.sign-in.throttle-cleared'"
                + " AND target_id = ? AND actor = 'admin'", Long.class, grace.getUsername())).isEqualTo(1);
    }
}
