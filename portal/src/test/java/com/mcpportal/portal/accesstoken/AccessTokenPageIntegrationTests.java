package com.mcpportal.portal.accesstoken;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mcpportal.portal.apikey.ApiKeyFormat;
import com.mcpportal.portal.security.PortalUserPrincipal;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.user.UserAccount;
import com.mcpportal.portal.web.Flash;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static com.mcpportal.portal.accesstoken.AccessTokensForTests.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** "Access tokens" on the user's account page: issue once, list, revoke; only one's own tokens. */
@PortalIntegrationTest
class AccessTokenPageIntegrationTests {

    private static final Pattern TOKEN = Pattern.compile("mcpp_[0-9A-Za-z]{12}_[0-9A-Za-z]{38}");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    @Test
    void aTokenIsShownOnceStoredAsItsDigestAndWorksOnTheApi() throws Exception {
        UserAccount alice = data.user("pat-alice");
        Team team = data.team("PAT team", alice);
        PortalUserPrincipal me = TestData.principal(alice);

        mvc.perform(get("/account/tokens").with(user(me))).andExpect(status().isOk())
                .andExpect(content().string(containsString("No tokens yet")))
                .andExpect(content().string(containsString("<option value=\"90\" selected=\"selected\">90 days")));

        String page = mvc.perform(post("/account/tokens").with(user(me)).with(csrf())
                        .param("name", "nightly CI").param("lifetimeDays", "30"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("no-store")))
                .andExpect(content().string(containsString("shown only this once")))
                .andExpect(content().string(containsString("http://localhost/api/v1/teams/TEAM_ID/environments")))
                .andReturn().getResponse().getContentAsString();
        Matcher found = TOKEN.matcher(page);
        assertThat(found.find()).as("the page shows the token").isTrue();
        String token = found.group();

        assertThat(jdbc.queryForObject("SELECT sha256 FROM personal_access_token WHERE user_id = ?", String.class,
                alice.getId())).isEqualTo(ApiKeyFormat.sha256Hex(token));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM personal_access_token WHERE user_id = ? AND expires_at"
                + " BETWEEN now() + interval '29 days 23 hours' AND now() + interval '30 days 1 hour'", Long.class,
                alice.getId())).isOne();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'access-token.issued'"
                + " AND target_id = ? AND details->>'name' = 'nightly CI'", Long.class, alice.getId().toString())).isOne();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE details::text LIKE ?", Long.class,
                "%" + token.substring(18) + "%")).isZero();

        mvc.perform(get("/api/v1/teams/" + team.getId() + "/environments").with(bearer(token)))
                .andExpect(status().isOk());
        String list = mvc.perform(get("/account/tokens").with(user(me))).andExpect(status().isOk())
                .andExpect(content().string(containsString("nightly CI")))
                .andExpect(content().string(containsString(token.substring(0, 18) + "…")))
                .andExpect(content().string(containsString("Active")))
                .andReturn().getResponse().getContentAsString();
        assertThat(list).doesNotContain(token).contains("Last used");
        assertThat(jdbc.queryForObject("SELECT last_used_at IS NOT NULL FROM personal_access_token WHERE user_id = ?",
                Boolean.class, alice.getId())).isTrue();

        long tokenId = jdbc.queryForObject("SELECT id FROM personal_access_token WHERE user_id = ?", Long.class,
                alice.getId());
        mvc.perform(post("/account/tokens/" + tokenId + "/revoke").with(user(me)).with(csrf()))
                .andExpect(redirectedUrl("/account/tokens"))
                .andExpect(result -> assertThat(((Flash) result.getFlashMap().get(Flash.ATTRIBUTE)).message())
                        .startsWith("Revoked the token nightly CI"));
        mvc.perform(get("/api/v1/teams/" + team.getId() + "/environments").with(bearer(token)))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/account/tokens").with(user(me))).andExpect(content().string(containsString("Revoked")));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'access-token.revoked'"
                + " AND target_id = ?", Long.class, alice.getId().toString())).isOne();
    }

    @Test
    void theSameFormSubmittedTwiceCreatesOneTokenAndSaysSoTheSecondTime() throws Exception {
        UserAccount dora = data.user("pat-dora");
        PortalUserPrincipal me = TestData.principal(dora);
        String form = mvc.perform(get("/account/tokens").with(user(me))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        Matcher hidden = Pattern.compile("name=\"requestToken\" value=\"([0-9a-f-]{36})\"").matcher(form);
        assertThat(hidden.find()).as("the form carries a one-time request token").isTrue();

        String first = mvc.perform(post("/account/tokens").with(user(me)).with(csrf()).param("name", "deploy bot")
                        .param("lifetimeDays", "30").param("requestToken", hidden.group(1)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher shown = TOKEN.matcher(first);
        assertThat(shown.find()).isTrue();
        mvc.perform(post("/account/tokens").with(user(me)).with(csrf()).param("name", "deploy bot")
                        .param("lifetimeDays", "30").param("requestToken", hidden.group(1)))
                .andExpect(redirectedUrl("/account/tokens"))
                .andExpect(result -> assertThat(((Flash) result.getFlashMap().get(Flash.ATTRIBUTE)).message())
                        .startsWith("This form was already submitted: it created token "
                                + shown.group().substring(0, 18) + "…"))
                .andExpect(content().string(not(containsString("mcpp_"))));

        assertThat(jdbc.queryForObject("SELECT count(*) FROM personal_access_token WHERE user_id = ?", Long.class,
                dora.getId())).isOne();
    }

    @Test
    void refusedInputIsShownBesideTheFieldAndNothingIsIssued() throws Exception {
        UserAccount bob = data.user("pat-bob");
        PortalUserPrincipal me = TestData.principal(bob);

        mvc.perform(post("/account/tokens").with(user(me)).with(csrf()).param("name", " ").param("lifetimeDays", "30"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Enter a name")));
        mvc.perform(post("/account/tokens").with(user(me)).with(csrf()).param("name", "too long")
                        .param("lifetimeDays", "366"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("1 to 365 days")))
                .andExpect(content().string(not(org.hamcrest.Matchers.matchesPattern("(?s).*" + TOKEN + ".*"))));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM personal_access_token WHERE user_id = ?", Long.class,
                bob.getId())).isZero();
    }

    @Test
    void nobodyRevokesOrSeesAnotherUsersToken() throws Exception {
        UserAccount carol = data.user("pat-carol");
        UserAccount mallory = data.user("pat-mallory");
        String token = new AccessTokensForTests(context).issue(carol);
        long tokenId = jdbc.queryForObject("SELECT id FROM personal_access_token WHERE sha256 = ?", Long.class,
                ApiKeyFormat.sha256Hex(token));

        mvc.perform(post("/account/tokens/" + tokenId + "/revoke").with(user(TestData.principal(mallory))).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/account/tokens").with(user(TestData.principal(mallory))))
                .andExpect(content().string(not(containsString(token.substring(0, 18)))));
        assertThat(jdbc.queryForObject("SELECT revoked_at IS NULL FROM personal_access_token WHERE id = ?",
                Boolean.class, tokenId)).isTrue();
    }
}
