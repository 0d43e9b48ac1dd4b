package com.mcpportal.portal.cost.pricing;

import java.time.Instant;

/**
 * One price refresh as recorded: when, why, what it did.
 *
 * @param trigger       "daily" or who asked ("admin alice")
 * @param regions       the regions it covered, comma separated
 * @param pricesStored  prices written to the cache
 * @param message       what happened, in words (failures name the region and AWS's error)
 */
public record PriceRefreshRun(long id, Instant startedAt, Instant finishedAt, String trigger, Outcome outcome,
        String regions, int pricesStored, String message) {

    /** How a refresh ended. */
    public enum Outcome {
        /** Every region's prices were read and stored. */
        SUCCEEDED,
        /** Some regions failed; their previous prices stay. */
        PARTIAL,
        /** Nothing could be read; all previous prices stay. */
        FAILED,
        /** AWS was not called: offline, or no AWS-mode account. */
        SKIPPED
    }
}
