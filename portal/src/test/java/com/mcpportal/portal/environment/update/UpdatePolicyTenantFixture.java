package com.mcpportal.portal.environment.update;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mcpportal.portal.isolation.TenantFixture;
import com.mcpportal.portal.isolation.TenantFixtureResult;
import com.mcpportal.portal.isolation.VictimTeam;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The server update policy routes ({@code /teams/{teamId}/server-updates}, {@code /api/v1/…/server-updates}): the
 * victim team has one set (off-hours updates on, images from any source off), which no outsider may read or change.
 */
public class UpdatePolicyTenantFixture implements TenantFixture {

    @Override
    public TenantFixtureResult createIn(VictimTeam victim, ApplicationContext context) {
        context.getBean(UpdatePolicies.class).set(victim.teamId(), true, false, victim.ownerUsername());
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        return new TenantFixtureResult(Map.of(), Set.of(), () -> List.of(jdbc.queryForList(
                "SELECT auto_update_off_hours, allow_any_image_source, updated_at, updated_by"
                        + " FROM team_server_update_policy WHERE team_id = ?", victim.teamId())));
    }
}
