package com.mcpportal.portal.support;

import java.util.concurrent.atomic.AtomicLong;

import com.mcpportal.portal.security.PortalUserPrincipal;
import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.team.TeamRole;
import com.mcpportal.portal.team.TeamService;
import com.mcpportal.portal.user.UserAccount;
import com.mcpportal.portal.user.UserAccountService;

import org.springframework.boot.test.context.TestComponent;

/**
 * Creates users and teams through the real services (so they are audited like any other). Names get a unique
 * suffix because test classes share one database.
 */
@TestComponent
public class TestData {

    /** The password every user made here has (the first admin's comes from the test properties). */
    public static final String PASSWORD = "correct-horse-battery";
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 100_000);

    private final UserAccountService users;
    private final TeamService teams;

    TestData(UserAccountService users, TeamService teams) {
        this.users = users;
        this.teams = teams;
    }

    /** A unique name with the given prefix, e.g. {@code unique("alice")} gives {@code alice-12345}. */
    public static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet();
    }

    /** A user with a unique name derived from the prefix and the password {@link #PASSWORD}. */
    public UserAccount user(String prefix) {
        UserAccountService.CreatedUser created = users.create(unique(prefix), false);
        users.changeOwnPassword(created.user().getId(), created.oneTimePassword(), PASSWORD);
        return users.get(created.user().getId());
    }

    /** A team with a unique name derived from the prefix, owned by {@code owner}. */
    public Team team(String prefix, UserAccount owner) {
        return teams.create(unique(prefix), owner.getId());
    }

    public void addMember(Team team, UserAccount user, TeamRole role) {
        teams.addMember(team.getId(), user.getUsername(), role);
    }

    public UserAccount admin() {
        return users.findByUsername("admin").orElseThrow();
    }

    public static PortalUserPrincipal principal(UserAccount user) {
        return PortalUserPrincipal.of(user.getId(), user.getUsername(), user.isAdmin());
    }
}
