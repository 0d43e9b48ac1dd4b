package com.mcpportal.portal.cost;

import java.time.ZoneOffset;
import java.util.Optional;

import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentEstimates;
import com.mcpportal.portal.environment.EnvironmentSpec;
import com.mcpportal.portal.schedule.Schedule;

import org.springframework.stereotype.Component;

/**
 * The monthly figure on the environment pages: the environment's own schedule and the cached prices, the same
 * figure its cost page shows. Settings without a stored environment are priced on the default schedule.
 */
@Component
class ScheduleAwareEstimates implements EnvironmentEstimates {

    /** What a new environment follows when its team has no default of its own (the portal default, in UTC). */
    private static final Schedule NEW_ENVIRONMENT = Schedule.defaultFor(ZoneOffset.UTC);

    private final EnvironmentCostService costs;
    private final PriceCatalog catalog;
    private final CostClock clock;

    ScheduleAwareEstimates(EnvironmentCostService costs, PriceCatalog catalog, CostClock clock) {
        this.costs = costs;
        this.catalog = catalog;
        this.clock = clock;
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

    @Override
    public Optional<MonthlyEstimate> monthly(EnvironmentSpec spec) {
        try {
            CostEstimate estimate = new CostEstimator(catalog).monthly(spec.region(), Sizings.of(spec),
                    MonthlyHours.fromSchedule(NEW_ENVIRONMENT, clock.now()), Optional.empty());
            return Optional.of(new MonthlyEstimate(estimate.displayTotal(),
                    ScheduleSummary.describe(NEW_ENVIRONMENT, clock.now()) + ", " + catalog.describe()));
        } catch (MissingPriceException unknownRegionOrType) {
            return Optional.empty();
        }
    }
}
