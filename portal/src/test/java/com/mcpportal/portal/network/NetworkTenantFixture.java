package com.mcpportal.portal.network;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mcpportal.portal.isolation.TenantFixture;
import com.mcpportal.portal.isolation.TenantFixtureResult;
import com.mcpportal.portal.isolation.VictimTeam;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The network routes' {@code {networkId}}: a network of the victim team in the built-in simulated account, whose name
 * must never show to another team and which a missing check on the create, add, remove or delete routes would change.
 */
public class NetworkTenantFixture implements TenantFixture {

    @Override
    public TenantFixtureResult createIn(VictimTeam victim, ApplicationContext context) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        Long accountId = jdbc.queryForObject("SELECT min(id) FROM cloud_account WHERE mode = 'SIMULATED'", Long.class);
        String name = "victimnet-" + victim.teamId();
        Network network = context.getBean(Networks.class).createForTeam(victim.teamId(), new NetworkInput(name,
                accountId, "eu-central-1", "10.77.0.0/16", 1, false, List.of()));
        return new TenantFixtureResult(Map.of("networkId", String.valueOf(network.id())), Set.of(name),
                () -> List.of(jdbc.queryForList("SELECT id, team_id, name, vpc_cidr FROM network WHERE team_id = ?"
                        + " ORDER BY id", victim.teamId()), jdbc.queryForList("SELECT e.environment_id, e.network_id"
                        + " FROM network_environment e JOIN network n ON n.id = e.network_id WHERE n.team_id = ?"
                        + " ORDER BY 1", victim.teamId())));
    }
}
