package com.mcpportal.portal.support;

import java.util.List;

import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.team.TeamRole;
import com.mcpportal.portal.user.ExternalAccounts;
import com.mcpportal.portal.user.ExternalSignIn;
import com.mcpportal.portal.user.UserAccount;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * People who sign in with an identity provider, for tests in contexts that configure none: the account is made and
 * its team roles granted by the same code a provider's sign-in runs ({@code ExternalAccounts.signIn}, then the team
 * feature's group mappings), only without the OpenID Connect round trip, which {@code security.Oidc*} tests cover.
 * The mapping is written straight to its table, as a provider id that no login page shows.
 */
public final class SsoAccounts {

    private static final String PROVIDER = "test-idp";
    private static final String ISSUER = "https://idp.example.test/";

    private final ApplicationContext context;

    public SsoAccounts(ApplicationContext context) {
        this.context = context;
    }

    /** Maps {@code group} of the test provider to {@code role} in the team. */
    public void mapGroup(Team team, String group, TeamRole role) {
        context.getBean(JdbcTemplate.class).update("INSERT INTO team_group_mapping (team_id, provider, group_name,"
                + " role, created_at) VALUES (?, ?, ?, ?, now())", team.getId(), PROVIDER, group, role.name());
    }

    /** A first sign-in of a new person in these groups: the account made just in time, the groups applied. */
    public UserAccount signIn(String usernamePrefix, List<String> groups) {
        String username = TestData.unique(usernamePrefix);
        return context.getBean(ExternalAccounts.class).signIn(new ExternalSignIn(PROVIDER, ISSUER,
                TestData.unique("subject"), username, username + "@example.test", groups, null));
    }
}
