package com.mcpportal.portal.team;

import java.util.List;

import com.mcpportal.portal.environment.update.UpdatePolicies;
import com.mcpportal.portal.security.PortalUserPrincipal;
import com.mcpportal.portal.security.PortalWebMvcTest;
import com.mcpportal.portal.security.RoleRequiredException;
import com.mcpportal.portal.web.InvalidInputException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalWebMvcTest(TeamController.class)
class TeamControllerTests {

    static final PortalUserPrincipal ALICE = PortalUserPrincipal.of(1, "alice", false);

    @Autowired
    MockMvc mvc;

    @Autowired
    TeamService teams;

    @MockitoBean
    TeamAccess access;

    @MockitoBean
    GroupMemberships groups;

    /** The settings page shows the environments feature's server update policy. */
    @MockitoBean(name = "updatePolicies")
    UpdatePolicies updatePolicies;

    @Test
    void theTeamListNeedsASignedInUser() throws Exception {
        mvc.perform(get("/teams")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void theTeamListShowsTheCallersTeamsAndTheirRole() throws Exception {
        given(teams.visibleTo(any())).willReturn(List.of(new TeamSummary(7, "Payments", TeamRole.OPERATOR, false)));
        given(teams.memberships(1)).willReturn(List.of(new TeamSummary(7, "Payments", TeamRole.OPERATOR, false)));

        mvc.perform(get("/teams").with(user(ALICE)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/teams/7\"")))
                .andExpect(content().string(containsString("Operator")));
    }

    @Test
    void aBlankNameIsExplainedBesideTheFieldAndNothingIsCreated() throws Exception {
        mvc.perform(post("/teams").with(user(ALICE)).with(csrf()).param("name", " "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Not saved: 1 problem.")))
                .andExpect(content().string(containsString("<a href=\"#name\">Enter a team name.</a>")))
                .andExpect(content().string(containsString("<p class=\"field-error\">Enter a team name.</p>")));
        verify(teams, never()).create(anyString(), anyLong());
    }

    @Test
    void aDuplicateNameIsExplainedBesideTheField() throws Exception {
        given(teams.create(eq("Payments"), eq(1L)))
                .willThrow(new InvalidInputException("name", "A team named 'Payments' already exists."));

        mvc.perform(post("/teams").with(user(ALICE)).with(csrf()).param("name", "Payments"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("A team named &#39;Payments&#39; already exists.")));
    }

    @Test
    void aCreatedTeamRedirectsToItsPageWithAMessage() throws Exception {
        Team team = mock(Team.class);
        given(team.getId()).willReturn(9L);
        given(team.getName()).willReturn("Payments");
        given(teams.create("Payments", 1L)).willReturn(team);

        mvc.perform(post("/teams").with(user(ALICE)).with(csrf()).param("name", "Payments"))
                .andExpect(redirectedUrl("/teams/9"))
                .andExpect(flash().attributeExists("flash"));
    }

    @Test
    void aTeamTheCallerIsNotInIsNotFoundWithAFriendlyPage() throws Exception {
        given(access.require(42, TeamRole.VIEWER)).willThrow(new TeamNotFoundException());

        mvc.perform(get("/teams/42/settings").with(user(ALICE)))
                .andExpect(status().isNotFound());
        verify(teams, never()).members(anyLong());
    }

    @Test
    void aMemberWithoutTheRoleIsRefused() throws Exception {
        given(access.require(7, TeamRole.OWNER)).willThrow(new RoleRequiredException("This needs the Owner role."));

        mvc.perform(post("/teams/7/rename").with(user(ALICE)).with(csrf()).param("name", "New"))
                .andExpect(status().isForbidden());
        verify(teams, never()).rename(anyLong(), anyString());
    }

    @Test
    void aFormWithoutCsrfTokenIsRefusedBeforeTheController() throws Exception {
        mvc.perform(post("/teams/7/rename").with(user(ALICE)).param("name", "New"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(access);
        verify(teams, never()).rename(anyLong(), anyString());
    }

    @Test
    void theDetailPageShowsOwnersTheManagementForms() throws Exception {
        given(access.require(7, TeamRole.VIEWER)).willReturn(new TeamGrant(7, "Payments", TeamRole.OWNER, false));
        given(teams.members(7)).willReturn(List.of(new MemberView(1, "alice", TeamRole.OWNER, true)));

        mvc.perform(get("/teams/7/settings").with(user(ALICE)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<title>Members &amp; settings · Payments · MCP Portal")))
                .andExpect(content().string(containsString("Add a member")))
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(not(containsString("Restore team"))));
    }

    @Test
    void theMemberPickerAsksTheServerAsTheOwnerTypesAndThePageListsNoAccounts() throws Exception {
        given(access.require(7, TeamRole.VIEWER)).willReturn(new TeamGrant(7, "Payments", TeamRole.OWNER, false));
        given(teams.members(7)).willReturn(List.of(new MemberView(1, "alice", TeamRole.OWNER, true)));

        mvc.perform(get("/teams/7/settings").with(user(ALICE)))
                .andExpect(content().string(containsString("data-suggestions=\"/teams/7/members/candidates\"")))
                .andExpect(content().string(containsString("src=\"/js/member-picker.js\"")))
                .andExpect(content().string(containsString("first letters of their")))
                .andExpect(content().string(not(containsString("<datalist"))));
    }
}
