package com.mcpportal.portal.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/** Every team's estimate: the platform team's view of the whole bill. */
public record PortalCostReport(List<TeamLine> teams) {

    /** One team's part. */
    public record TeamLine(long teamId, String teamName, TeamCostReport report) {
    }

    public PortalCostReport {
        teams = List.copyOf(teams);
    }

    public BigDecimal totalUsd() {
        return teams.stream().map(team -> team.report().totalUsd()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal displayTotal() {
        return totalUsd().setScale(2, RoundingMode.HALF_UP);
    }

    public Map<CostComponent, BigDecimal> byComponent() {
        return TeamCostReport.byComponent(teams.stream().flatMap(team -> team.report().billed().stream()).toList());
    }

    public List<EnvironmentEstimate> billed() {
        return teams.stream().flatMap(team -> team.report().billed().stream()).toList();
    }

    public List<EnvironmentEstimate> unpriced() {
        return teams.stream().flatMap(team -> team.report().unpriced().stream()).toList();
    }
}
