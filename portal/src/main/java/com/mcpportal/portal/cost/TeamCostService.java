package com.mcpportal.portal.cost;

import com.mcpportal.portal.environment.EnvironmentQueries;
import com.mcpportal.portal.environment.EnvironmentService;
import com.mcpportal.portal.team.TeamService;

import org.springframework.stereotype.Service;

/** Team and portal totals: every environment's estimate, summed. Callers check {@code TeamAccess} (or admin) first. */
@Service
public class TeamCostService {

    private final EnvironmentService environments;
    private final EnvironmentQueries environmentQueries;
    private final TeamService teams;
    private final EnvironmentCostService costs;

    TeamCostService(EnvironmentService environments, EnvironmentQueries environmentQueries, TeamService teams,
            EnvironmentCostService costs) {
        this.environments = environments;
        this.environmentQueries = environmentQueries;
        this.teams = teams;
        this.costs = costs;
    }

    /** The team's environments (deleted ones left out), each estimated, by name. */
    public TeamCostReport team(long teamId) {
        return new TeamCostReport(teamId, environments.listForTeam(teamId).stream().map(costs::estimate).toList());
    }

    /** Every team that has environments, by name. For platform administrators. */
    public PortalCostReport portal() {
        return new PortalCostReport(teams.names(environmentQueries.teamsWithEnvironments()).entrySet().stream()
                .map(team -> new PortalCostReport.TeamLine(team.getKey(), team.getValue(), team(team.getKey())))
                .toList());
    }
}
