package com.mcpportal.portal.cost;

import java.util.List;

import com.mcpportal.portal.environment.EnvironmentService;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Team and portal totals: every environment's estimate, summed. Callers check {@code TeamAccess} (or admin) first. */
@Service
public class TeamCostService {

    private final EnvironmentService environments;
    private final EnvironmentCostService costs;
    private final JdbcTemplate jdbc;

    TeamCostService(EnvironmentService environments, EnvironmentCostService costs, JdbcTemplate jdbc) {
        this.environments = environments;
        this.costs = costs;
        this.jdbc = jdbc;
    }

    /** The team's environments (deleted ones left out), each estimated, by name. */
    public TeamCostReport team(long teamId) {
        return new TeamCostReport(teamId, environments.listForTeam(teamId).stream().map(costs::estimate).toList());
    }

    /** Every team that has environments, by name. For platform administrators. */
    public PortalCostReport portal() {
        List<PortalCostReport.TeamLine> named = jdbc.query("""
                SELECT t.id, t.name FROM team t
                WHERE EXISTS (SELECT 1 FROM environment e WHERE e.team_id = t.id AND e.state <> 'DELETED')
                ORDER BY lower(t.name)
                """, (rs, row) -> new PortalCostReport.TeamLine(rs.getLong(1), rs.getString(2), null));
        return new PortalCostReport(named.stream()
                .map(line -> new PortalCostReport.TeamLine(line.teamId(), line.teamName(), team(line.teamId())))
                .toList());
    }
}
