package com.mcpportal.portal.accesstoken;

import com.mcpportal.portal.apikey.ApiKeyFormat;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.team.TeamRole;
import com.mcpportal.portal.team.TeamService;
import com.mcpportal.portal.user.UserAccount;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static com.mcpportal.portal.accesstoken.AccessTokensForTests.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The {@code /api/**} chain: bearer tokens only, 401/403/404/405 as problem JSON, roles read on every request. */
@PortalIntegrationTest
class ApiAuthenticationIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    TeamService teams;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    private String environmentsOf(Team team) {
        return "/api/v1/teams/" + team.getId() + "/environments";
    }

    @Test
    void aLiveTokenActsAsItsUserWithTheirCurrentRoles() throws Exception {
        UserAccount owner = data.user("api-owner");
        Team team = data.team("API team", owner);
        UserAccount member = data.user("api-member");
        data.addMember(team, member, TeamRole.VIEWER);
        String token = new AccessTokensForTests(context).issue(member);

        mvc.perform(get(environmentsOf(team)).with(bearer(token))).andExpect(status().isOk())
                .andExpect(jsonPath("$.items").isArray());
        mvc.perform(post(environmentsOf(team)).with(bearer(token)).contentType("application/json")
                        .content("{\"name\":\"x\",\"elevenLabsApiKey\":\"xi-12345678\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("urn:mcp-portal:problem:forbidden"));

        teams.changeRole(team.getId(), member.getId(), TeamRole.OPERATOR);
        mvc.perform(post(environmentsOf(team)).with(bearer(token)).contentType("application/json")
                        .content("{\"name\":\"" + TestData.unique("api-env") + "\",\"elevenLabsApiKey\":\"xi-12345678\"}"))
                .andExpect(status().isCreated());

        teams.removeMember(team.getId(), member.getId());
        mvc.perform(get(environmentsOf(team)).with(bearer(token))).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void missingMalformedUnknownExpiredAndRevokedTokensAre401WithTheBearerChallenge() throws Exception {
        UserAccount owner = data.user("api-401");
        Team team = data.team("API 401", owner);
        AccessTokensForTests tokens = new AccessTokensForTests(context);
        String expired = tokens.issue(owner);
        jdbc.update("UPDATE personal_access_token SET expires_at = now() - interval '1 minute' WHERE sha256 = ?",
                ApiKeyFormat.sha256Hex(expired));
        String revoked = tokens.issue(owner);
        jdbc.update("UPDATE personal_access_token SET revoked_at = now() WHERE sha256 = ?",
                ApiKeyFormat.sha256Hex(revoked));
        String unknown = AccessTokens.FORMAT.generate().reveal();
        String mcpKey = ApiKeyFormat.MCP.generate().reveal();

        unauthorized(mvc.perform(get(environmentsOf(team))))
                .andExpect(header().string("WWW-Authenticate", "Bearer realm=\"mcp-portal\""));
        for (String presented : new String[] {"nonsense", unknown, expired, revoked, mcpKey, unknown + "x"}) {
            unauthorized(mvc.perform(get(environmentsOf(team)).with(bearer(presented))))
                    .andExpect(header().string("WWW-Authenticate", containsString("error=\"invalid_token\"")))
                    .andExpect(content().string(not(containsString(presented))));
        }
        unauthorized(mvc.perform(get(environmentsOf(team)).header("Authorization", "Basic YWRtaW46eA==")));
    }

    @Test
    void aDisabledUsersTokensStopAtOnce() throws Exception {
        UserAccount owner = data.user("api-disabled");
        Team team = data.team("API disabled", owner);
        String token = new AccessTokensForTests(context).issue(owner);
        mvc.perform(get(environmentsOf(team)).with(bearer(token))).andExpect(status().isOk());

        jdbc.update("UPDATE users SET enabled = false WHERE id = ?", owner.getId());

        unauthorized(mvc.perform(get(environmentsOf(team)).with(bearer(token))));
    }

    @Test
    void tokensWaitForAPasswordChangeTheAccountMustMakeFirst() throws Exception {
        UserAccount owner = data.user("api-must-change");
        Team team = data.team("API must change", owner);
        String token = new AccessTokensForTests(context).issue(owner);
        jdbc.update("UPDATE users SET must_change_password = true WHERE id = ?", owner.getId());

        mvc.perform(get(environmentsOf(team)).with(bearer(token))).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("urn:mcp-portal:problem:password-change-required"))
                .andExpect(jsonPath("$.detail").value(containsString("change its password")));

        jdbc.update("UPDATE users SET must_change_password = false WHERE id = ?", owner.getId());
        mvc.perform(get(environmentsOf(team)).with(bearer(token))).andExpect(status().isOk());
    }

    @Test
    void aSessionCookieDoesNotOpenTheApi() throws Exception {
        UserAccount owner = data.user("api-session");
        Team team = data.team("API session", owner);
        MockHttpSession session = (MockHttpSession) mvc.perform(formLogin().user(owner.getUsername())
                .password(TestData.PASSWORD)).andReturn().getRequest().getSession(false);
        mvc.perform(get("/teams/" + team.getId()).session(session)).andExpect(status().isOk());

        unauthorized(mvc.perform(get(environmentsOf(team)).session(session)));
    }

    @Test
    void testsMaySignInWithSpringSecuritysUserPostProcessor() throws Exception {
        UserAccount owner = data.user("api-mock-user");
        Team team = data.team("API mock user", owner);
        mvc.perform(get(environmentsOf(team)).with(user(TestData.principal(owner)))).andExpect(status().isOk());
        // no CSRF token needed: the API has no cookie to forge a request with
        mvc.perform(post(environmentsOf(team)).with(user(TestData.principal(owner))).contentType("application/json")
                        .content("{\"name\":\"" + TestData.unique("mock-env") + "\",\"elevenLabsApiKey\":\"xi-12345678\"}"))
                .andExpect(status().isCreated());
    }

    @Test
    void unknownPathsAndMethodsAnswerProblemJsonNotThePagesErrorPage() throws Exception {
        UserAccount owner = data.user("api-404");
        Team team = data.team("API 404", owner);
        String token = new AccessTokensForTests(context).issue(owner);

        mvc.perform(get("/api/v1/no-such-thing").with(bearer(token))).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.type").value("urn:mcp-portal:problem:not-found"));
        mvc.perform(get("/api/v1/no-such-thing")).andExpect(status().isUnauthorized());
        mvc.perform(delete(environmentsOf(team)).with(bearer(token))).andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(header().string("Allow", containsString("GET")));
        mvc.perform(get(environmentsOf(team) + "/not-a-number").with(bearer(token)))
                .andExpect(status().isNotFound()).andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(post(environmentsOf(team)).with(bearer(token)).contentType("application/json").content("{oops"))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(content().string(not(containsString("at com."))));
    }

    private static ResultActions unauthorized(ResultActions result) throws Exception {
        result.andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.type").value("urn:mcp-portal:problem:unauthorized"));
        assertThat(result.andReturn().getResponse().getHeader("Set-Cookie")).isNull();
        return result;
    }
}
