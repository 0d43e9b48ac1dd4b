package com.mcpportal.portal.team;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import com.mcpportal.portal.accesstoken.AccessTokensForTests;
import com.mcpportal.portal.api.IdCursor;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.user.UserAccount;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static com.mcpportal.portal.accesstoken.AccessTokensForTests.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code GET /api/v1/teams}: a script finds its teams and its role in each, as the Teams page lists them. */
@PortalIntegrationTest
class TeamApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    TeamService teams;

    @Autowired
    ApplicationContext context;

    @Test
    void aMemberSeesTheirTeamsWithTheirRoleAndNoOtherTeam() throws Exception {
        UserAccount alice = data.user("teams-api-alice");
        UserAccount bob = data.user("teams-api-bob");
        Team own = data.team("Alice owns", alice);
        Team operated = data.team("Bob owns", bob);
        data.addMember(operated, alice, TeamRole.OPERATOR);
        Team archived = data.team("Alice archived", alice);
        teams.archive(archived.getId());
        Team foreign = data.team("Not Alice's", bob);

        String body = mvc.perform(get("/api/v1/teams").with(bearer(token(alice)))).andExpect(status().isOk())
                .andExpect(jsonPath("$.next").value(nullValue())).andReturn().getResponse().getContentAsString();

        assertThat(JsonPath.<List<Integer>>read(body, "$.items[*].id")).containsExactly(own.getId().intValue(),
                operated.getId().intValue(), archived.getId().intValue());
        assertThat(JsonPath.<List<String>>read(body, "$.items[*].role")).containsExactly("OWNER", "OPERATOR", "OWNER");
        assertThat(JsonPath.<List<Boolean>>read(body, "$.items[*].archived")).containsExactly(false, false, true);
        assertThat(JsonPath.<List<Boolean>>read(body, "$.items[*].member")).containsOnly(true);
        assertThat(body).doesNotContain(foreign.getName());
    }

    @Test
    void anAdministratorSeesEveryTeamAsTheirOwnerInKeysetPages() throws Exception {
        UserAccount someone = data.user("teams-api-someone");
        Team first = data.team("Admin sees", someone);
        Team second = data.team("Admin sees too", someone);
        String admin = token(data.admin());

        String page = mvc.perform(get("/api/v1/teams").param("limit", "1")
                        .param("cursor", IdCursor.next("team", first.getId() - 1)).with(bearer(admin)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].id").value(first.getId()))
                .andExpect(jsonPath("$.items[0].role").value("OWNER"))
                .andExpect(jsonPath("$.items[0].member").value(false))
                .andReturn().getResponse().getContentAsString();
        mvc.perform(get("/api/v1/teams").param("limit", "1").param("cursor", JsonPath.<String>read(page, "$.next"))
                        .with(bearer(admin)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].id").value(second.getId()));
    }

    @Test
    void refusesACursorFromAnotherListABadLimitAndNoToken() throws Exception {
        String token = token(data.user("teams-api-cursor"));
        String environmentCursor = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("env:1".getBytes());
        mvc.perform(get("/api/v1/teams").param("cursor", environmentCursor).with(bearer(token)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("cursor"));
        mvc.perform(get("/api/v1/teams").param("limit", "0").with(bearer(token)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("limit"));
        mvc.perform(get("/api/v1/teams")).andExpect(status().isUnauthorized());
    }

    private String token(UserAccount user) {
        return new AccessTokensForTests(context).issue(user);
    }
}
