package com.mcpportal.portal.accesstoken;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mcpportal.portal.isolation.TenantFixture;
import com.mcpportal.portal.isolation.TenantFixtureResult;
import com.mcpportal.portal.isolation.VictimTeam;
import com.mcpportal.portal.support.TestData;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code {tokenId}}: a live personal access token of the victim team's owner; nobody else may revoke or see it. */
public class AccessTokenTenantFixture implements TenantFixture {

    @Override
    public TenantFixtureResult createIn(VictimTeam victim, ApplicationContext context) {
        String name = TestData.unique("victim-token");
        IssuedAccessToken issued = context.getBean(AccessTokens.class).issue(victim.ownerId(), name, 30, null);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        return new TenantFixtureResult(
                Map.of("tokenId", Long.toString(issued.token().id())),
                Set.of(name, issued.token().publicId(), issued.plaintext().reveal()),
                () -> List.of(jdbc.queryForList("SELECT id, name, expires_at, revoked_at FROM personal_access_token"
                        + " WHERE user_id = ? ORDER BY id", victim.ownerId())));
    }
}
