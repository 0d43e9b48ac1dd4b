package com.mcpportal.portal.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mcpportal.portal.accesstoken.AccessTokensForTests;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.user.UserAccount;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static com.mcpportal.portal.security.SignIns.session;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sessions end when the credentials behind them change: a password change ends every other session of the account,
 * an administrator's reset ends all of them and revokes the account's access tokens, and the account page lists the
 * open sessions so their owner can end one. Sessions live in each portal instance's memory; what ends them is
 * stored in the database, so it holds on every instance.
 */
@PortalIntegrationTest
class AccountSessionsIntegrationTests {

    private static final Pattern END_FORM = Pattern.compile("action=\"/account/sessions/(\\d+)/end\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    @Test
    void changingThePasswordEndsEveryOtherSessionButNotTheOneThatChangedIt() throws Exception {
        UserAccount alice = data.user("alice");
        MockHttpSession laptop = session(mvc.perform(signIn(alice.getUsername(), TestData.PASSWORD, "198.51.100.11"))
                .andExpect(redirectedUrl("/teams")).andReturn());
        MockHttpSession stolen = session(mvc.perform(signIn(alice.getUsername(), TestData.PASSWORD, "203.0.113.11"))
                .andExpect(redirectedUrl("/teams")).andReturn());
        mvc.perform(get("/teams").session(stolen)).andExpect(status().isOk());

        mvc.perform(post("/account/password").session(laptop).with(csrf())
                        .param("currentPassword", TestData.PASSWORD)
                        .param("newPassword", "a-brand-new-password").param("confirmPassword", "a-brand-new-password"))
                .andExpect(redirectedUrl("/teams"));

        mvc.perform(get("/teams").session(laptop)).andExpect(status().isOk());
        mvc.perform(get("/teams").session(stolen)).andExpect(redirectedUrl("/login?error=session-ended"));
        assertThat(stolen.isInvalid()).isTrue();
        mvc.perform(get("/login").param("error", "session-ended"))
                .andExpect(content().string(containsString("Your session has ended")));
    }

    @Test
    void theAccountPageListsOpenSessionsAndEndsOneOfThem() throws Exception {
        UserAccount bob = data.user("bob");
        MockHttpSession desk = session(mvc.perform(signIn(bob.getUsername(), TestData.PASSWORD, "198.51.100.21"))
                .andReturn());
        MockHttpSession phone = session(mvc.perform(signIn(bob.getUsername(), TestData.PASSWORD, "198.51.100.22"))
                .andReturn());

        String page = mvc.perform(get("/account").session(desk)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Open sessions"), containsString("198.51.100.21"),
                        containsString("198.51.100.22"), containsString("This session"))))
                .andReturn().getResponse().getContentAsString();
        Matcher endable = END_FORM.matcher(page);
        assertThat(endable.find()).as("an End button for the other session").isTrue();
        String phoneSession = endable.group(1);
        assertThat(endable.find()).as("no End button for the session showing the page").isFalse();

        mvc.perform(post("/account/sessions/{id}/end", phoneSession).session(desk).with(csrf()))
                .andExpect(redirectedUrl("/account"));

        mvc.perform(get("/teams").session(phone)).andExpect(redirectedUrl("/login?error=session-ended"));
        mvc.perform(get("/account").session(desk)).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("198.51.100.21"),
                        not(containsString("198.51.100.22")))));
        assertThat(jdbc.queryForList("SELECT details->>'reason' FROM audit_event WHERE action = 'auth.session.ended'"
                + " AND actor = ? ORDER BY id", String.class, bob.getUsername())).containsExactly("ended-by-user");
    }

    @Test
    void anotherUsersSessionCannotBeEnded() throws Exception {
        UserAccount carol = data.user("carol");
        UserAccount mallory = data.user("mallory");
        MockHttpSession carols = session(mvc.perform(signIn(carol.getUsername(), TestData.PASSWORD, "198.51.100.31"))
                .andReturn());
        String page = mvc.perform(get("/account").session(session(mvc.perform(
                        signIn(carol.getUsername(), TestData.PASSWORD, "198.51.100.32")).andReturn())))
                .andReturn().getResponse().getContentAsString();
        Matcher endable = END_FORM.matcher(page);
        assertThat(endable.find()).isTrue();

        mvc.perform(post("/account/sessions/{id}/end", endable.group(1)).with(user(TestData.principal(mallory)))
                .with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/teams").session(carols)).andExpect(status().isOk());
    }

    @Test
    void anAdminResetEndsEverySessionAndRevokesTheAccessTokensForGood() throws Exception {
        UserAccount dave = data.user("dave");
        Team team = data.team("Reset", dave);
        MockHttpSession stolen = session(mvc.perform(signIn(dave.getUsername(), TestData.PASSWORD, "203.0.113.41"))
                .andReturn());
        String token = new AccessTokensForTests(context).issue(dave);
        mvc.perform(get("/api/v1/teams/{t}/environments", team.getId())
                .with(AccessTokensForTests.bearer(token))).andExpect(status().isOk());

        MvcResult reset = mvc.perform(post("/admin/users/{id}/reset-password", dave.getId())
                .with(user(TestData.principal(data.admin()))).with(csrf())).andReturn();
        String oneTimePassword = (String) reset.getFlashMap().get("oneTimePassword");

        mvc.perform(get("/teams").session(stolen)).andExpect(redirectedUrl("/login?error=session-ended"));
        MockHttpSession fresh = session(mvc.perform(signIn(dave.getUsername(), oneTimePassword, "198.51.100.41"))
                .andReturn());
        mvc.perform(post("/account/password").session(fresh).with(csrf()).param("currentPassword", oneTimePassword)
                        .param("newPassword", "daves-own-new-password").param("confirmPassword", "daves-own-new-password"))
                .andExpect(redirectedUrl("/teams"));

        mvc.perform(get("/api/v1/teams/{t}/environments", team.getId()).with(AccessTokensForTests.bearer(token)))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/account/tokens").session(fresh)).andExpect(content().string(containsString("Revoked")));
        assertThat(jdbc.queryForList("SELECT details->>'reason' FROM audit_event WHERE action = 'access-token.revoked'"
                + " AND target_id = ?", String.class, dave.getId().toString())).containsExactly("password-reset");
    }
}
