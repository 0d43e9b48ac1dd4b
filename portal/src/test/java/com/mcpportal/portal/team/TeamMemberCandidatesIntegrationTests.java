package com.mcpportal.portal.team;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.user.ExternalAccounts;
import com.mcpportal.portal.user.ExternalSignIn;
import com.mcpportal.portal.user.UserAccount;
import com.mcpportal.portal.user.UserAccountService;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The add-member picker's search on the real database: what an owner typing part of a name or an e-mail address
 * gets back, and that only the team's owners (and administrators) may ask, a little at a time.
 */
@PortalIntegrationTest
class TeamMemberCandidatesIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    ExternalAccounts externalAccounts;

    @Autowired
    UserAccountService accounts;

    @Test
    void anOwnerFindsEnabledPeopleNotInTheTeamByTheStartOfTheirUsernameOrEmailInAnyCase() throws Exception {
        UserAccount owner = data.user("picker-owner");
        Team team = data.team("Picking", owner);
        String stem = TestData.unique("zelda") + "-";
        UserAccount local = data.user(stem + "local");
        UserAccount member = data.user(stem + "member");
        data.addMember(team, member, TeamRole.VIEWER);
        UserAccount disabled = data.user(stem + "gone");
        accounts.setEnabled(disabled.getId(), false, "admin");
        String email = TestData.unique("Grace.Hopper") + "@Example.test";
        String sso = signInWithProvider(stem + "sso", email);
        data.user(TestData.unique("someone-else"));

        List<Map<String, Object>> byUsername = candidates(owner, team, stem.toUpperCase());
        List<Map<String, Object>> byEmail = candidates(owner, team, email.substring(0, 10).toLowerCase());

        assertThat(byUsername).extracting(person -> person.get("username"))
                .containsExactly(local.getUsername(), sso);
        assertThat(byUsername).extracting(person -> person.get("email")).containsExactly(null, email);
        assertThat(byEmail).extracting(person -> person.get("username")).containsExactly(sso);
    }

    @Test
    void tooShortAStartAnswersNothingAndNoAnswerHasMoreThanTenPeople() throws Exception {
        UserAccount owner = data.user("picker-owner");
        Team team = data.team("Picking", owner);
        String stem = TestData.unique("yuki") + "-";
        IntStream.rangeClosed(1, 12).forEach(i -> data.user(stem + (char) ('a' + i)));

        assertThat(candidates(owner, team, stem)).hasSize(TeamMemberController.MAX_SUGGESTIONS);
        assertThat(candidates(owner, team, "y")).isEmpty();
        assertThat(candidates(owner, team, " y ")).isEmpty();
        assertThat(candidates(owner, team, "")).isEmpty();
        assertThat(candidates(owner, team, "%")).as("a LIKE wildcard is a character like any other").isEmpty();
        assertThat(candidates(owner, team, "__")).isEmpty();
    }

    @Test
    void onlyTheTeamsOwnersAndAdministratorsMayAsk() throws Exception {
        UserAccount owner = data.user("picker-owner");
        Team team = data.team("Picking", owner);
        UserAccount operator = data.user("picker-operator");
        data.addMember(team, operator, TeamRole.OPERATOR);
        UserAccount stranger = data.user("picker-stranger");
        String wanted = data.user(TestData.unique("wanted")).getUsername();

        mvc.perform(get("/teams/{id}/members/candidates", team.getId()).param("q", wanted)
                .with(user(TestData.principal(operator)))).andExpect(status().isForbidden());
        mvc.perform(get("/teams/{id}/members/candidates", team.getId()).param("q", wanted)
                .with(user(TestData.principal(stranger)))).andExpect(status().isNotFound());
        mvc.perform(get("/teams/{id}/members/candidates", team.getId()).param("q", wanted))
                .andExpect(status().is3xxRedirection());
        assertThat(candidates(data.admin(), team, wanted))
                .extracting(person -> person.get("username")).containsExactly(wanted);
    }

    private String signInWithProvider(String username, String email) {
        return externalAccounts.signIn(new ExternalSignIn("staff", "https://idp.example.test/",
                TestData.unique("subject"), username, email)).getUsername();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> candidates(UserAccount caller, Team team, String query) throws Exception {
        String body = mvc.perform(get("/teams/{id}/members/candidates", team.getId()).param("q", query)
                        .with(user(TestData.principal(caller))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JSON.readValue(body, List.class);
    }
}
