package com.mcpportal.portal.cost;

import java.util.Optional;

import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentEstimates;

import org.springframework.stereotype.Component;

/**
 * The monthly figure on the environment pages: the environment's own schedule and the cached prices, the same
 * figure its cost page shows.
 */
@Component
class ScheduleAwareEstimates implements EnvironmentEstimates {

    private final EnvironmentCostService costs;

    ScheduleAwareEstimates(EnvironmentCostService costs) {
        this.costs = costs;
    }

    @Override
    public Optional<MonthlyEstimate> monthly(Environment environment) {
        EnvironmentEstimate estimate = costs.estimate(environment);
        if (!estimate.priced()) {
            return Optional.empty();
        }
        return Optional.of(new MonthlyEstimate(estimate.displayTotal(), estimate.schedule().description() + ", "
                + String.join(" and ", estimate.priceSources())));
    }
}
