package com.mcpportal.portal.support;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.mcpportal.portal.security.PortalUserPrincipal;
import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.team.TeamRole;
import com.mcpportal.portal.team.TeamService;
import com.mcpportal.portal.user.UserAccount;
import com.mcpportal.portal.user.UserAccountService;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Creates users and teams through the real services (so they are audited like any other). Names get a unique
 * suffix because test classes share one database. Like an operator at the first sign-in, it replaces the first
 * admin's configured password ({@link #ADMIN_FIRST_PASSWORD}) with {@link #ADMIN_PASSWORD} once the portal has
 * started, so tests act as an admin who has done that.
 */
@TestComponent
public class TestData {

    /** The password every user made here has (the first admin's comes from the test properties). */
    public static final String PASSWORD = "correct-horse-battery";
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";
    /** {@code portal.admin.password} of the test configuration, which must be changed at the first sign-in. */
    public static final String ADMIN_FIRST_PASSWORD = "admin-first-password-for-tests";

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 100_000);

    private final UserAccountService users;
    private final TeamService teams;

    TestData(UserAccountService users, TeamService teams) {
        this.users = users;
        this.teams = teams;
    }

    /**
     * The portal's password hashing (BCrypt, stored as {@code {bcrypt}...}) at BCrypt's lowest cost. Each user made
     * here costs three hashings (the one-time password, its check, the user's own), about 135 ms each at the default
     * cost on the 2-core CI machine and 5 ms at the lowest, and the suite makes hundreds of users. Same algorithm and
     * stored form; the cost is production's choice ({@code UserConfiguration}), not something these tests check.
     */
    @Bean
    @Primary
    static PasswordEncoder quickPasswordEncoder() {
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(4)));
    }

    /** The first admin's first sign-in: their own password instead of the configured one. */
    @EventListener(ApplicationReadyEvent.class)
    void adminChoosesTheirOwnPassword() {
        users.findByUsername("admin").filter(UserAccount::isMustChangePassword)
                .ifPresent(admin -> users.changeOwnPassword(admin.getId(), ADMIN_FIRST_PASSWORD, ADMIN_PASSWORD));
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
        return PortalUserPrincipal.of(user.getId(), user.getUsername(), user.isAdmin(), user.getCredentialEpoch());
    }
}
