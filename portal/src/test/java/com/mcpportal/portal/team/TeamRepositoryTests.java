package com.mcpportal.portal.team;

import java.time.Instant;

import com.mcpportal.portal.support.PortalRepositoryTest;
import com.mcpportal.portal.user.UserAccount;
import com.mcpportal.portal.user.UserAccountRepository;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Team queries and constraints on the real (embedded) PostgreSQL with the Flyway schema. */
@PortalRepositoryTest
class TeamRepositoryTests {

    @Autowired
    TeamRepository teams;

    @Autowired
    TeamMemberRepository members;

    @Autowired
    UserAccountRepository users;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void teamNamesAreUniqueRegardlessOfCase() {
        teams.saveAndFlush(new Team("Payments", Instant.now()));

        assertThat(teams.existsByNameIgnoreCase("PAYMENTS")).isTrue();
        assertThatThrownBy(() -> teams.saveAndFlush(new Team("payments", Instant.now())))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void aMemberSeesOnlyTheirTeamsWithTheirRoleAndAnAdminSeesAll() {
        UserAccount alice = user("alice");
        UserAccount bob = user("bob");
        Team payments = teams.saveAndFlush(new Team("Payments", Instant.now()));
        Team voice = teams.saveAndFlush(new Team("Voice", Instant.now()));
        members.saveAndFlush(new TeamMember(payments.getId(), alice, TeamRole.OPERATOR, Instant.now()));
        members.saveAndFlush(new TeamMember(voice.getId(), bob, TeamRole.OWNER, Instant.now()));
        voice.archive(Instant.now());
        teams.flush();

        assertThat(teams.findSummariesForMember(alice.getId()))
                .containsExactly(new TeamSummary(payments.getId(), "Payments", TeamRole.OPERATOR, false));
        assertThat(teams.findSummariesForAdmin(alice.getId())).containsExactly(
                new TeamSummary(payments.getId(), "Payments", TeamRole.OPERATOR, false),
                new TeamSummary(voice.getId(), "Voice", null, true));
        assertThat(members.findRole(voice.getId(), alice.getId())).isEmpty();
        assertThat(members.countByTeamIdAndRole(voice.getId(), TeamRole.OWNER)).isEqualTo(1);
    }

    @Test
    void aUserIsAMemberOfATeamAtMostOnce() {
        UserAccount carol = user("carol");
        Team team = teams.saveAndFlush(new Team("Once", Instant.now()));
        members.saveAndFlush(new TeamMember(team.getId(), carol, TeamRole.VIEWER, Instant.now()));

        assertThatThrownBy(() -> members.saveAndFlush(new TeamMember(team.getId(), carol, TeamRole.OWNER, Instant.now())))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    private UserAccount user(String username) {
        Long id = jdbc.queryForObject("INSERT INTO users (username, password_hash, created_at, password_changed_at) "
                + "VALUES (?, '{noop}unused', now(), now()) RETURNING id", Long.class, username);
        return users.findById(id).orElseThrow();
    }
}
