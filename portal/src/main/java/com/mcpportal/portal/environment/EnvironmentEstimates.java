package com.mcpportal.portal.environment;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A monthly bill estimate for an environment's settings, supplied by the cost feature (which depends on this one,
 * not the other way round). Without an implementation the pages show no figure.
 */
public interface EnvironmentEstimates {

    /** The estimate, or empty when prices for the region are unknown. */
    Optional<MonthlyEstimate> monthly(EnvironmentSpec spec);

    /** The estimate of a stored environment: the cost feature uses its own schedule, not just its settings. */
    default Optional<MonthlyEstimate> monthly(Environment environment) {
        return monthly(environment.spec());
    }

    /**
     * @param usd   US dollars per average month, rounded to cents
     * @param basis what the figure assumes, e.g. "Mon–Fri 08:00–20:00, bundled prices of 2025-06-01"
     */
    record MonthlyEstimate(BigDecimal usd, String basis) {
    }
}
