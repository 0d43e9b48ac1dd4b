package com.mcpportal.portal.cost.pricing;

import java.time.LocalDate;

/**
 * Which prices the estimates use right now, for the line every cost page shows.
 *
 * @param storedPrices  prices in the cache from the AWS Pricing API (0: none yet)
 * @param snapshotDate  the date of the bundled snapshot that fills every gap
 * @param lastRefresh   the latest refresh run, or null when none ran yet
 */
public record PriceStatus(int storedPrices, LocalDate snapshotDate, PriceRefreshRun lastRefresh) {

    public boolean usesPricingApi() {
        return storedPrices > 0;
    }
}
