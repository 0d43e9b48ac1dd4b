package com.mcpportal.portal.environment;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mcpportal.portal.isolation.TenantFixture;
import com.mcpportal.portal.isolation.TenantFixtureResult;
import com.mcpportal.portal.isolation.VictimTeam;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The environment routes: {@code {environmentId}} is a provisioned environment of the victim team, so every
 * action (start, stop, deprovision …) would really do something if a check were missing; {@code {operationId}} is
 * the operation that provisioned it.
 */
public class EnvironmentTenantFixture implements TenantFixture {

    @Override
    public TenantFixtureResult createIn(VictimTeam victim, ApplicationContext context) {
        Environments environments = new Environments(context);
        Environment environment = environments.ready(victim.teamId(), "victim-env");
        String url = environment.resources().mcpUrl();
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        return new TenantFixtureResult(
                Map.of("environmentId", Long.toString(environment.getId()),
                        "operationId", environments.operationStates(environment.getId()).get(0).get("id").toString()),
                Set.of(environment.getName(), environment.getCloudId(), url, Environments.ELEVENLABS_KEY),
                () -> List.of(
                        jdbc.queryForList("SELECT name, state, power, region, image_tag, allowed_cidrs, resources::text,"
                                + " version FROM environment WHERE team_id = ? ORDER BY id", victim.teamId()),
                        jdbc.queryForList("SELECT o.id, o.kind, o.state FROM operation o JOIN environment e"
                                + " ON e.id = o.environment_id WHERE e.team_id = ? ORDER BY o.id", victim.teamId()),
                        jdbc.queryForList("SELECT component, resource_id, state, attributes::text FROM simulated_resource"
                                + " WHERE environment_id = ? ORDER BY component", environment.getCloudId())));
    }

}
