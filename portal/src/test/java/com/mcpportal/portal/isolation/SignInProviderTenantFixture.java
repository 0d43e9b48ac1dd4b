package com.mcpportal.portal.isolation;

import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code {providerId}}: a sign-in provider as the admin pages name it. Providers belong to no team and only
 * administrators reach their routes, so the fixture adds none (a stored provider would put a button on the login
 * page of every test sharing the context): a missing access check still shows, as a 404 or a changed table instead
 * of the expected 403, and the whole table must stay as it was.
 */
public class SignInProviderTenantFixture implements TenantFixture {

    @Override
    public TenantFixtureResult createIn(VictimTeam victim, ApplicationContext context) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        return new TenantFixtureResult(Map.of("providerId", "victim-provider"), Set.of(),
                () -> jdbc.queryForList("SELECT * FROM oidc_provider ORDER BY id"));
    }
}
