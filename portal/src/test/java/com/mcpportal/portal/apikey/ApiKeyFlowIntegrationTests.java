package com.mcpportal.portal.apikey;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

import com.mcpportal.portal.cloud.CloudProvider;
import com.mcpportal.portal.cloud.simulated.SimulatedCloudProvider;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentService;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.security.PortalUserPrincipal;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.team.TeamRole;
import com.mcpportal.portal.user.UserAccount;
import com.mcpportal.portal.web.Flash;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A team's keys through their pages: issue, show once, publish, roll, revoke, roles, and bad input. */
@PortalIntegrationTest
class ApiKeyFlowIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SimulatedCloudProvider simulated;

    @Autowired
    EnvironmentService environmentService;

    KeyFiles files;
    UserAccount owner;
    PortalUserPrincipal asOwner;
    Team team;
    Environment environment;

    @BeforeEach
    void setUp() {
        files = new KeyFiles(context);
        owner = data.user("key-owner");
        asOwner = TestData.principal(owner);
        team = data.team("Keys", owner);
        environment = new Environments(context).ready(team.getId(), "keys-env");
    }

    @Test
    void anOwnerIssuesAKeyThatIsShownOnceAndReachesTheTeamsServer() throws Exception {
        String form = mvc.perform(get("/teams/{t}/api-keys/new", team.getId()).with(user(asOwner)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String token = form.replaceAll("(?s).*name=\"requestToken\" value=\"([^\"]+)\".*", "$1");
        assertThat(token).hasSizeLessThan(64).doesNotContain("<");

        MockHttpServletResponse issued = mvc.perform(post("/teams/{t}/api-keys", team.getId()).with(user(asOwner))
                        .with(csrf()).param("name", "Cursor on Ana's laptop").param("lifetime", "30")
                        .param("scope", "all").param("requestToken", token))
                .andExpect(status().isOk()).andReturn().getResponse();

        String page = HtmlUtils.htmlUnescape(issued.getContentAsString());
        String key = KeyFiles.keyIn(page);
        String publicId = ApiKeyFormat.MCP.publicIdOf(key).orElseThrow();
        String url = environmentService.get(environment.getId()).resources().mcpUrl();
        assertThat(issued.getHeader("Cache-Control")).contains("no-store");
        assertThat(page).contains("shown only this once", "\"url\": \"" + url + "\"", "\"Authorization\": \"Bearer "
                + key + "\"");

        String published = files.await(environment.getCloudId(), text -> text.contains(publicId), "listed the key");
        assertThat(published).contains("\"sha256\":\"" + ApiKeyFormat.sha256Hex(key) + "\"").doesNotContain(key);
        // The file is in place a moment before the publication's transaction (the simulated secret) commits.
        String secret = awaitSecret(text -> text.contains(publicId));
        assertThat(secret).isEqualTo(published);

        mvc.perform(get("/teams/{t}/api-keys", team.getId()).with(user(asOwner)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("mcp_" + publicId + "_…")))
                .andExpect(content().string(containsString("Cursor on Ana&#39;s laptop")))
                .andExpect(content().string(not(containsString(key))));

        // The same form again (reload, double click): no second key, and the first is not shown again.
        mvc.perform(post("/teams/{t}/api-keys", team.getId()).with(user(asOwner)).with(csrf())
                        .param("name", "Cursor on Ana's laptop").param("lifetime", "30").param("scope", "all")
                        .param("requestToken", token))
                .andExpect(redirectedUrl("/teams/" + team.getId() + "/api-keys"))
                .andExpect(flashMessage("already submitted"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_key WHERE team_id = ?", Integer.class, team.getId()))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT details->>'publicId' FROM audit_event WHERE team_id = ?"
                + " AND action = 'apikey.issued'", String.class, team.getId())).isEqualTo(publicId);
        assertThat(jdbc.queryForObject("SELECT actor FROM audit_event WHERE team_id = ? AND action = 'apikey.issued'",
                String.class, team.getId())).isEqualTo(owner.getUsername());
    }

    @Test
    void rollingKeepsTheOldKeyForTheGraceAndRevokingRemovesAKeyFromTheSet() throws Exception {
        String first = issue("CI", "all", "90");
        String firstId = ApiKeyFormat.MCP.publicIdOf(first).orElseThrow();
        long firstKeyId = keyId(firstId);

        Instant before = Instant.now();
        String page = mvc.perform(post("/teams/{t}/api-keys/{k}/roll", team.getId(), firstKeyId).with(user(asOwner))
                        .with(csrf()).param("grace", "ONE_HOUR"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String second = KeyFiles.keyIn(page);
        String secondId = ApiKeyFormat.MCP.publicIdOf(second).orElseThrow();
        assertThat(second).isNotEqualTo(first);
        assertThat(page).contains("Replaces", firstId);

        Instant oldExpiry = jdbc.queryForObject("SELECT expires_at FROM api_key WHERE id = ?", java.sql.Timestamp.class,
                firstKeyId).toInstant();
        assertThat(oldExpiry).isBetween(before.plus(Duration.ofMinutes(59)), Instant.now().plus(Duration.ofHours(1)));
        assertThat(jdbc.queryForObject("SELECT rolled_to_id FROM api_key WHERE id = ?", Long.class, firstKeyId))
                .isEqualTo(keyId(secondId));
        files.await(environment.getCloudId(), text -> text.contains(firstId) && text.contains(secondId),
                "listed both keys during the grace period");

        // A rolled key cannot be rolled again: its successor is the one to roll.
        mvc.perform(post("/teams/{t}/api-keys/{k}/roll", team.getId(), firstKeyId).with(user(asOwner)).with(csrf())
                        .param("grace", "NONE"))
                .andExpect(redirectedUrl("/teams/" + team.getId() + "/api-keys"))
                .andExpect(flashMessage("already rolled"));

        mvc.perform(post("/teams/{t}/api-keys/{k}/revoke", team.getId(), keyId(secondId)).with(user(asOwner))
                        .with(csrf()))
                .andExpect(redirectedUrl("/teams/" + team.getId() + "/api-keys"));
        files.await(environment.getCloudId(), text -> text.contains(firstId) && !text.contains(secondId),
                "dropped the revoked key");
        mvc.perform(post("/teams/{t}/api-keys/{k}/revoke", team.getId(), keyId(secondId)).with(user(asOwner))
                        .with(csrf()))
                .andExpect(flashMessage("already revoked"));

        assertThat(jdbc.queryForList("SELECT action || ' ' || (details->>'publicId') FROM audit_event"
                + " WHERE team_id = ? AND action LIKE 'apikey.%' AND outcome = 'SUCCESS' ORDER BY id", String.class,
                team.getId())).containsExactly("apikey.issued " + firstId, "apikey.rolled " + firstId,
                "apikey.revoked " + secondId);
    }

    @Test
    void aScopedKeyIsPublishedOnlyToItsEnvironments() throws Exception {
        Environment other = new Environments(context).ready(team.getId(), "keys-other");
        String key = issue("Only one", "selected", "30", environment.getId());
        String publicId = ApiKeyFormat.MCP.publicIdOf(key).orElseThrow();

        files.await(environment.getCloudId(), text -> text.contains("\"id\":\"" + publicId
                + "\",\"sha256\":\"" + ApiKeyFormat.sha256Hex(key) + "\",\"expiresAt\":\"")
                && text.contains("\"environments\":[\"" + environment.getCloudId() + "\"]"), "listed the scoped key");
        String otherIssued = issue("Everywhere", "all", "30");
        files.await(other.getCloudId(), text -> text.contains(ApiKeyFormat.MCP.publicIdOf(otherIssued).orElseThrow()),
                "listed the key for all environments");
        assertThat(files.read(other.getCloudId())).doesNotContain(publicId);
    }

    @Test
    void operatorsAndViewersSeeMetadataOnly() throws Exception {
        String key = issue("Shared", "all", "30");
        long id = keyId(ApiKeyFormat.MCP.publicIdOf(key).orElseThrow());
        for (TeamRole role : new TeamRole[] {TeamRole.OPERATOR, TeamRole.VIEWER}) {
            UserAccount member = data.user(role.name().toLowerCase());
            data.addMember(team, member, role);
            PortalUserPrincipal as = TestData.principal(member);

            mvc.perform(get("/teams/{t}/api-keys", team.getId()).with(user(as)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Shared")))
                    .andExpect(content().string(not(containsString("Revoke"))))
                    .andExpect(content().string(not(containsString("Issue a key"))));
            mvc.perform(get("/teams/{t}/api-keys/new", team.getId()).with(user(as))).andExpect(status().isForbidden());
            mvc.perform(post("/teams/{t}/api-keys", team.getId()).with(user(as)).with(csrf()).param("name", "x")
                    .param("lifetime", "30").param("scope", "all")).andExpect(status().isForbidden());
            mvc.perform(post("/teams/{t}/api-keys/{k}/revoke", team.getId(), id).with(user(as)).with(csrf()))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/teams/{t}/api-keys/{k}/roll", team.getId(), id).with(user(as)).with(csrf())
                    .param("grace", "NONE")).andExpect(status().isForbidden());
            mvc.perform(post("/teams/{t}/api-keys/rotation", team.getId()).with(user(as)).with(csrf())
                    .param("everyDays", "1").param("grace", "NONE")).andExpect(status().isForbidden());
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_key WHERE team_id = ? AND revoked_at IS NULL"
                + " AND rolled_to_id IS NULL", Integer.class, team.getId())).isEqualTo(1);
    }

    @Test
    void badInputIsShownBesideTheFieldAndIssuesNothing() throws Exception {
        mvc.perform(post("/teams/{t}/api-keys", team.getId()).with(user(asOwner)).with(csrf())
                        .param("name", " ").param("lifetime", "30").param("scope", "all"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Enter a name")));
        mvc.perform(post("/teams/{t}/api-keys", team.getId()).with(user(asOwner)).with(csrf())
                        .param("name", "No scope").param("lifetime", "30").param("scope", "selected"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose at least one environment")))
                .andExpect(content().string(containsString("value=\"No scope\"")));
        mvc.perform(post("/teams/{t}/api-keys", team.getId()).with(user(asOwner)).with(csrf())
                        .param("name", "Forever").param("lifetime", "never").param("scope", "all"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("must expire within 365 days")));
        mvc.perform(post("/teams/{t}/api-keys", team.getId()).with(user(asOwner)).with(csrf())
                        .param("name", "Too long").param("lifetime", "400").param("scope", "all"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("at most 365 days")));
        Environment foreign = new Environments(context).ready(data.team("Other", data.user("other")).getId(), "foreign");
        mvc.perform(post("/teams/{t}/api-keys", team.getId()).with(user(asOwner)).with(csrf())
                        .param("name", "Foreign").param("lifetime", "30").param("scope", "selected")
                        .param("environmentIds", foreign.getId().toString()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("environments of this team")));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_key WHERE team_id = ?", Integer.class, team.getId()))
                .isZero();
    }

    @Test
    void keysExpiringWithinAWeekAreFlaggedOnTheTeamPage() throws Exception {
        issue("Long", "all", "90");
        mvc.perform(get("/teams/{t}", team.getId()).with(user(asOwner)))
                .andExpect(content().string(containsString("API keys")))
                .andExpect(content().string(not(containsString("expires within 7 days"))));

        issue("Short", "all", "7");
        mvc.perform(get("/teams/{t}", team.getId()).with(user(asOwner)))
                .andExpect(content().string(containsString("1 key expires within 7 days")));
        mvc.perform(get("/teams/{t}/api-keys", team.getId()).with(user(asOwner)))
                .andExpect(content().string(containsString("Expires soon")));
    }

    private String issue(String name, String scope, String lifetime, Long... environmentIds) throws Exception {
        var request = post("/teams/{t}/api-keys", team.getId()).with(user(asOwner)).with(csrf()).param("name", name)
                .param("lifetime", lifetime).param("scope", scope);
        for (Long id : environmentIds) {
            request.param("environmentIds", id.toString());
        }
        return KeyFiles.keyIn(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    /** The flash message the next page shows contains the text. */
    static ResultMatcher flashMessage(String text) {
        return result -> assertThat(((Flash) result.getFlashMap().get(Flash.ATTRIBUTE)).message()).contains(text);
    }

    private long keyId(String publicId) {
        return jdbc.queryForObject("SELECT id FROM api_key WHERE public_id = ?", Long.class, publicId);
    }

    /** The simulated cloud's key-set secret of the environment once it satisfies the condition; fails after 15 s. */
    private String awaitSecret(Predicate<String> condition) {
        return await("the key-set secret to match").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20))
                .until(() -> simulated.secretValue(environmentService.cloudOf(environment.getId()).ref(),
                        CloudProvider.KEY_SET_SECRET).orElse(null), value -> value != null && condition.test(value));
    }
}
