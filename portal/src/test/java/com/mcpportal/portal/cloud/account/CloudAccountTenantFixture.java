package com.mcpportal.portal.cloud.account;

import java.util.Map;
import java.util.Set;

import com.mcpportal.portal.isolation.TenantFixture;
import com.mcpportal.portal.isolation.TenantFixtureResult;
import com.mcpportal.portal.isolation.VictimTeam;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The admin-only cloud account routes: {@code {accountId}} is the built-in simulated account; no one else may change it. */
public class CloudAccountTenantFixture implements TenantFixture {

    @Override
    public TenantFixtureResult createIn(VictimTeam victim, ApplicationContext context) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        Long accountId = jdbc.queryForObject("SELECT min(id) FROM cloud_account WHERE mode = 'SIMULATED'", Long.class);
        return new TenantFixtureResult(Map.of("accountId", String.valueOf(accountId)), Set.of(),
                () -> jdbc.queryForList("SELECT id, name, mode, default_region, role_arn, last_check_at, version"
                        + " FROM cloud_account ORDER BY id"));
    }
}
