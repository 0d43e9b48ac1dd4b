package com.mcpportal.portal.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.mcpportal.portal.accesstoken.AccessTokensForTests;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.GroupMappingView;
import com.mcpportal.portal.team.GroupMemberships;
import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.team.TeamRole;
import com.mcpportal.portal.team.TeamService;
import com.mcpportal.portal.user.UserAccount;
import com.mcpportal.portal.web.InvalidInputException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Team roles and the administrator role from the provider's groups claim, applied at every sign-in: granted, changed
 * and taken away with the group, audited with the group that caused it, and never touching manual grants; and the
 * access tokens of such an account, which follow its sign-ins.
 */
class OidcGroupsIntegrationTests extends OidcProviderSupport {

    @Autowired
    TestData data;

    @Autowired
    GroupMemberships groups;

    @Autowired
    TeamService teams;

    @Autowired
    ApplicationContext context;

    @Test
    void aGroupGrantsItsRoleAtSignInChangesItWithTheGroupsAndTakesItAwayWhenThePersonLeaves() throws Exception {
        Team team = data.team("Platform", data.user("platform-owner"));
        groups.add(team.getId(), "staff", "platform-admins", TeamRole.OWNER);
        groups.add(team.getId(), "staff", "eng-all", TeamRole.VIEWER);
        String subject = TestData.unique("staff-subject");
        String username = TestData.unique("grace");

        HttpClient session = browser();
        signInAs(session, "staff", subject, Map.of("preferred_username", username,
                "groups", List.of("eng-all", "platform-admins")));

        long userId = linkedAccount("staff", subject);
        assertThat(membership(team, userId)).containsEntry("role", "OWNER")
                .containsEntry("source_group", "platform-admins");
        String membersPage = session.send(get("/teams/" + team.getId() + "/settings"),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(membersPage).contains(username, "from group platform-admins (Staff SSO)");

        signInAs("staff", subject, Map.of("preferred_username", username, "groups", List.of("eng-all")));

        assertThat(membership(team, userId)).containsEntry("role", "VIEWER").containsEntry("source_group", "eng-all");

        signInAs("staff", subject, Map.of("preferred_username", username, "groups", List.of("sales")));

        assertThat(jdbc.queryForList("SELECT role FROM team_member WHERE team_id = ? AND user_id = ?",
                team.getId(), userId)).isEmpty();
        assertThat(jdbc.queryForList("SELECT action || ' ' || coalesce(details->>'to', details->>'role') || ' '"
                + " || (details->>'group') FROM audit_event WHERE team_id = ? AND target_id = ? ORDER BY id",
                String.class, team.getId(), Long.toString(userId))).containsExactly(
                "team.member.added OWNER platform-admins",
                "team.member.role.changed VIEWER eng-all",
                "team.member.removed VIEWER eng-all");
    }

    @Test
    void aGroupOfTheSameNameAtAnotherProviderGrantsNothing() throws Exception {
        Team team = data.team("Staff only", data.user("staff-owner"));
        groups.add(team.getId(), "staff", "platform-admins", TeamRole.OWNER);
        String email = TestData.unique("contractor") + "@example.com";

        signInAs("contractors", TestData.unique("contractor-subject"),
                Map.of("email", email, "groups", List.of("platform-admins", ADMIN_GROUP)));

        long userId = jdbc.queryForObject("SELECT id FROM users WHERE username = ?", Long.class, email);
        assertThat(jdbc.queryForList("SELECT team_id FROM team_member WHERE user_id = ?", userId)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT admin FROM users WHERE id = ?", Boolean.class, userId)).isFalse();
    }

    @Test
    void aManualGrantStaysAsTheOwnerMadeItWhateverTheGroupsSay() throws Exception {
        UserAccount owner = data.user("manual-owner");
        Team team = data.team("Manual", owner);
        groups.add(team.getId(), "staff", "platform-admins", TeamRole.OWNER);
        String subject = TestData.unique("staff-subject");
        String username = TestData.unique("heidi");
        signInAs("staff", subject, Map.of("preferred_username", username));
        long userId = linkedAccount("staff", subject);
        teams.addMember(team.getId(), username, TeamRole.VIEWER);

        signInAs("staff", subject, Map.of("preferred_username", username, "groups", List.of("platform-admins")));
        assertThat(membership(team, userId)).containsEntry("role", "VIEWER").containsEntry("source_group", null);
        signInAs("staff", subject, Map.of("preferred_username", username, "groups", List.of()));
        assertThat(membership(team, userId)).containsEntry("role", "VIEWER");
    }

    @Test
    void theMembersPageDoesNotChangeAGroupGrantAndDeletingTheMappingEndsItAtOnce() throws Exception {
        UserAccount owner = data.user("mapping-owner");
        Team team = data.team("Mapped", owner);
        GroupMappingView mapping = groups.add(team.getId(), "staff", "eng-all", TeamRole.OPERATOR);
        String subject = TestData.unique("staff-subject");
        signInAs("staff", subject, Map.of("preferred_username", TestData.unique("ivan"),
                "groups", List.of("eng-all")));
        long userId = linkedAccount("staff", subject);

        assertThatThrownBy(() -> teams.removeMember(team.getId(), userId))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("through group eng-all at staff");
        assertThatThrownBy(() -> groups.add(team.getId(), "staff", " eng-all ", TeamRole.VIEWER))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("already mapped");
        assertThatThrownBy(() -> groups.add(team.getId(), "nowhere", "eng-all", TeamRole.VIEWER))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("sign-in providers");

        groups.delete(team.getId(), mapping.id());

        assertThat(jdbc.queryForList("SELECT role FROM team_member WHERE team_id = ? AND user_id = ?",
                team.getId(), userId)).isEmpty();
        assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE team_id = ? AND action LIKE"
                + " 'team.group-mapping.%' ORDER BY id", String.class, team.getId()))
                .containsExactly("team.group-mapping.added", "team.group-mapping.removed");
    }

    @Test
    void theAdministratorGroupMakesAndUnmakesPortalAdministratorsAtSignIn() throws Exception {
        String subject = TestData.unique("staff-subject");
        String username = TestData.unique("judy");
        HttpClient adminSession = browser();

        signInAs(adminSession, "staff", subject, Map.of("preferred_username", username,
                "groups", List.of(ADMIN_GROUP)));

        long userId = linkedAccount("staff", subject);
        assertThat(jdbc.queryForObject("SELECT admin FROM users WHERE id = ?", Boolean.class, userId)).isTrue();
        assertThat(adminSession.send(get("/admin/users"), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);

        signInAs("staff", subject, Map.of("preferred_username", username, "groups", List.of("eng-all")));

        assertThat(jdbc.queryForObject("SELECT admin FROM users WHERE id = ?", Boolean.class, userId)).isFalse();
        assertThat(adminSession.send(get("/admin/users"), HttpResponse.BodyHandlers.ofString()).uri().getPath())
                .as("the session signed in as an administrator has ended").isEqualTo("/login");
        assertThat(jdbc.queryForList("SELECT action || ' ' || (details->>'group') FROM audit_event"
                + " WHERE target_type = 'user' AND target_id = ? AND action LIKE 'user.admin.%' ORDER BY id",
                String.class, Long.toString(userId)))
                .containsExactly("user.admin.granted " + ADMIN_GROUP, "user.admin.revoked " + ADMIN_GROUP);
    }

    @Test
    void anSsoAccountsAccessTokensWorkWhileItsLastSignInIsRecentAndWaitForTheNextOneAfter() throws Exception {
        String subject = TestData.unique("staff-subject");
        HttpClient session = browser();
        signInAs(session, "staff", subject, Map.of("preferred_username", TestData.unique("kim")));
        long userId = linkedAccount("staff", subject);
        String token = new AccessTokensForTests(context).issue(userId);
        assertThat(session.send(get("/account/tokens"), HttpResponse.BodyHandlers.ofString()).body())
                .contains("your tokens work only while your last sign-in to the", "30 days");

        assertThat(api(token).statusCode()).isEqualTo(200);

        jdbc.update("UPDATE user_external_identity SET last_sign_in_at = now() - interval '31 days'"
                + " WHERE user_id = ?", userId);
        HttpResponse<String> refused = api(token);

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("sign-in-required", "Sign in to the portal once");

        signInAs("staff", subject, Map.of("preferred_username", "ignored-after-the-first-sign-in"));

        assertThat(api(token).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> api(String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/teams"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private Map<String, Object> membership(Team team, long userId) {
        return jdbc.queryForMap("SELECT role, source_provider, source_group FROM team_member"
                + " WHERE team_id = ? AND user_id = ?", team.getId(), userId);
    }
}
