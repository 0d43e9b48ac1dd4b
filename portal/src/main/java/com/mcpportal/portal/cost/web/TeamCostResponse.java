package com.mcpportal.portal.cost.web;

import java.time.Instant;
import java.util.List;

import com.mcpportal.portal.cost.EnvironmentEstimate;
import com.mcpportal.portal.cost.TeamCostReport;
import com.mcpportal.portal.cost.budget.TeamBudget;
import com.mcpportal.portal.cost.pricing.PriceStatus;

import static com.mcpportal.portal.cost.web.EnvironmentCostResponse.exact;

/**
 * A team's monthly costs in the REST API (money as exact USD decimal strings, see {@link EnvironmentCostResponse}).
 * The total counts environments with resources in the cloud that could be priced: {@code totalUsd} is the sum of
 * the {@code counted} environments' {@code monthlyUsd}, and of {@code byComponent}.
 *
 * @param alwaysOnUsd  the counted environments run 24/7: what their schedules save is the difference
 * @param environments every environment of the team (deleted ones left out), by name
 * @param budget       the team's monthly budget and its last check, or null when it has none
 */
record TeamCostResponse(long teamId, String currency, String totalUsd, String alwaysOnUsd,
                        List<ComponentTotal> byComponent, List<EnvironmentLine> environments, Budget budget, EnvironmentCostResponse.Prices prices) {

    /** One component summed over the counted environments (components that cost nothing are left out). */
    record ComponentTotal(String component, String label, String monthlyUsd) {
    }

    /**
     * One environment's figures.
     *
     * @param counted whether it counts in the total: provisioned (a draft is only planned) and priced
     * @param problem why it could not be priced, or null
     */
    record EnvironmentLine(long environmentId, String name, String region, String state, boolean counted,
                           boolean priced, String monthlyUsd, String alwaysOnUsd, String problem) {

        static EnvironmentLine of(EnvironmentEstimate estimate) {
            return new EnvironmentLine(estimate.environmentId(), estimate.environmentName(), estimate.region(),
                    estimate.state().name(), estimate.billed() && estimate.priced(), estimate.priced(),
                    exact(estimate.monthlyUsd()),
                    estimate.priced() ? exact(estimate.cost().alwaysOn().totalUsd()) : null, estimate.problem());
        }
    }

    /**
     * A monthly budget.
     *
     * @param overBudget      whether the last check found the estimate above it
     * @param lastEstimateUsd the team total at the last check, or null before the first
     */
    record Budget(String monthlyUsd, boolean overBudget, String lastEstimateUsd, Instant lastEvaluatedAt,
                  Instant updatedAt, String updatedBy) {

        static Budget of(TeamBudget budget) {
            return budget == null ? null : new Budget(exact(budget.monthlyUsd()), budget.overBudget(),
                    exact(budget.lastEstimateUsd()), budget.lastEvaluatedAt(), budget.updatedAt(), budget.updatedBy());
        }
    }

    static TeamCostResponse of(TeamCostReport report, TeamBudget budget, PriceStatus prices) {
        return new TeamCostResponse(report.teamId(), EnvironmentCostResponse.USD, exact(report.totalUsd()),
                exact(report.alwaysOnUsd()),
                report.byComponent().entrySet().stream().map(entry -> new ComponentTotal(entry.getKey().name(),
                        entry.getKey().label(), exact(entry.getValue()))).toList(),
                report.environments().stream().map(EnvironmentLine::of).toList(), Budget.of(budget),
                EnvironmentCostResponse.Prices.of(prices));
    }
}
