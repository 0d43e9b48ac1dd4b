package com.mcpportal.portal.environment;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A monthly bill estimate for a stored environment, supplied by the cost feature (which depends on this one, not
 * the other way round) from its settings and its own schedule. Without an implementation the pages show no figure.
 */
public interface EnvironmentEstimates {

    /** The estimate, or empty when prices for the region are unknown. */
    Optional<MonthlyEstimate> monthly(Environment environment);

    /**
     * @param usd   US dollars per average month, rounded to cents
     * @param basis what the figure assumes, e.g. "Mon–Fri 08:00–20:00, bundled prices of 2025-06-01"
     */
    record MonthlyEstimate(BigDecimal usd, String basis) {
    }
}
