package com.mcpportal.portal.team;

import com.mcpportal.portal.security.PortalUserPrincipal;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.user.UserAccount;
import com.mcpportal.portal.web.Flash;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A team's life through its pages on the real database: roles, rules, audit, and bad input losing nothing. */
@PortalIntegrationTest
class TeamFlowIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anOwnerBuildsATeamAndEveryStepIsAudited() throws Exception {
        UserAccount owner = data.user("owner");
        UserAccount viewer = data.user("viewer");
        PortalUserPrincipal asOwner = TestData.principal(owner);
        String name = TestData.unique("Payments");

        String location = mvc.perform(post("/teams").with(user(asOwner)).with(csrf()).param("name", "  " + name + " "))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long teamId = Long.parseLong(location.substring("/teams/".length()));

        mvc.perform(post("/teams/{id}/members", teamId).with(user(asOwner)).with(csrf())
                        .param("username", viewer.getUsername().toUpperCase()).param("role", "VIEWER"))
                .andExpect(redirectedUrl("/teams/" + teamId + "/settings"));
        mvc.perform(post("/teams/{id}/rename", teamId).with(user(asOwner)).with(csrf()).param("name", name + " Core"))
                .andExpect(redirectedUrl("/teams/" + teamId + "/settings"));

        mvc.perform(get("/teams/{id}/settings", teamId).with(user(TestData.principal(viewer))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name + " Core")))
                .andExpect(content().string(containsString(owner.getUsername())))
                .andExpect(content().string(not(containsString("Add a member"))));
        mvc.perform(post("/teams/{id}/rename", teamId).with(user(TestData.principal(viewer))).with(csrf())
                        .param("name", "Viewer was here"))
                .andExpect(status().isForbidden());

        assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE team_id = ? AND outcome = 'SUCCESS' ORDER BY id",
                String.class, teamId)).containsExactly("team.created", "team.member.added", "team.renamed");
        assertThat(jdbc.queryForObject("SELECT actor FROM audit_event WHERE team_id = ? AND action = 'team.renamed'",
                String.class, teamId)).isEqualTo(owner.getUsername());
        assertThat(jdbc.queryForList("SELECT outcome FROM audit_event WHERE team_id = ? AND action = 'team.access.denied'",
                String.class, teamId)).containsExactly("DENIED");
        mvc.perform(get("/teams/{id}/audit", teamId).with(user(asOwner)))
                .andExpect(redirectedUrl("/audit?team=" + teamId));
        mvc.perform(get("/audit").param("team", Long.toString(teamId)).with(user(asOwner)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("team.member.added")));
    }

    @Test
    void theLastOwnerCannotBeDemotedOrRemoved() throws Exception {
        UserAccount owner = data.user("sole-owner");
        UserAccount other = data.user("operator");
        Team team = data.team("Solo", owner);
        data.addMember(team, other, TeamRole.OPERATOR);
        PortalUserPrincipal asOwner = TestData.principal(owner);

        mvc.perform(post("/teams/{t}/members/{u}/role", team.getId(), owner.getId()).with(user(asOwner)).with(csrf())
                        .param("role", "VIEWER"))
                .andExpect(redirectedUrl("/teams/" + team.getId() + "/settings"))
                .andExpect(flash().attribute("flash", new Flash("error", "A team needs at least one owner. "
                        + "Make someone else an owner before changing this owner's role.")));
        mvc.perform(post("/teams/{t}/members/{u}/remove", team.getId(), owner.getId()).with(user(asOwner)).with(csrf()))
                .andExpect(redirectedUrl("/teams/" + team.getId() + "/settings"));
        assertThat(roleOf(team, owner)).isEqualTo("OWNER");

        // With a second owner, the first may step down.
        mvc.perform(post("/teams/{t}/members/{u}/role", team.getId(), other.getId()).with(user(asOwner)).with(csrf())
                .param("role", "OWNER")).andExpect(redirectedUrl("/teams/" + team.getId() + "/settings"));
        mvc.perform(post("/teams/{t}/members/{u}/remove", team.getId(), owner.getId()).with(user(asOwner)).with(csrf()))
                .andExpect(redirectedUrl("/teams/" + team.getId() + "/settings"));
        assertThat(roleOf(team, owner)).isNull();
        mvc.perform(get("/teams/{id}", team.getId()).with(user(asOwner))).andExpect(status().isNotFound());
    }

    @Test
    void badInputIsExplainedBesideTheFieldAndWritesNothing() throws Exception {
        UserAccount owner = data.user("careful");
        Team existing = data.team("Taken", owner);
        PortalUserPrincipal asOwner = TestData.principal(owner);
        long teamsBefore = count("team");
        long eventsBefore = count("audit_event");

        mvc.perform(post("/teams").with(user(asOwner)).with(csrf()).param("name", existing.getName().toUpperCase()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("already exists")));
        mvc.perform(post("/teams").with(user(asOwner)).with(csrf()).param("name", "   "))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Enter a team name.")));
        mvc.perform(post("/teams").with(user(asOwner)).with(csrf()).param("name", "x".repeat(61)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("at most 60 characters")));
        mvc.perform(post("/teams/{id}/members", existing.getId()).with(user(asOwner)).with(csrf())
                        .param("username", "no-such-user-anywhere").param("role", "VIEWER"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("There is no user named")));
        mvc.perform(post("/teams/{id}/members", existing.getId()).with(user(asOwner)).with(csrf())
                        .param("username", owner.getUsername()).param("role", "NOT_A_ROLE"))
                .andExpect(status().isOk());

        assertThat(count("team")).isEqualTo(teamsBefore);
        assertThat(count("audit_event")).isEqualTo(eventsBefore);
        mvc.perform(get("/teams/{id}", 99_999_999L).with(user(asOwner))).andExpect(status().isNotFound());
        mvc.perform(get("/teams/not-a-number").with(user(asOwner))).andExpect(status().isNotFound());
    }

    @Test
    void anArchivedTeamIsReadOnlyUntilRestored() throws Exception {
        UserAccount owner = data.user("archivist");
        Team team = data.team("Old", owner);
        PortalUserPrincipal asOwner = TestData.principal(owner);

        mvc.perform(post("/teams/{id}/archive", team.getId()).with(user(asOwner)).with(csrf()))
                .andExpect(redirectedUrl("/teams/" + team.getId() + "/settings"));
        mvc.perform(post("/teams/{id}/rename", team.getId()).with(user(asOwner)).with(csrf()).param("name", "New name"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("archived")));
        assertThat(jdbc.queryForObject("SELECT name FROM team WHERE id = ?", String.class, team.getId()))
                .isEqualTo(team.getName());
        mvc.perform(post("/teams/{id}/restore", team.getId()).with(user(asOwner)).with(csrf()))
                .andExpect(redirectedUrl("/teams/" + team.getId() + "/settings"));
        assertThat(jdbc.queryForObject("SELECT archived_at IS NULL FROM team WHERE id = ?", Boolean.class, team.getId()))
                .isTrue();
    }

    private String roleOf(Team team, UserAccount user) {
        return jdbc.queryForList("SELECT role FROM team_member WHERE team_id = ? AND user_id = ?", String.class,
                team.getId(), user.getId()).stream().findFirst().orElse(null);
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
    }
}
