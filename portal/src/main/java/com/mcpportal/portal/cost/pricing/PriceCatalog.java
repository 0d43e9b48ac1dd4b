package com.mcpportal.portal.cost.pricing;

import java.util.Optional;

/**
 * Prices by region and component. Implementations: the bundled snapshot ({@link SnapshotPriceCatalog}),
 * and later a database table filled daily from the Pricing API, chained in front of the snapshot with
 * {@link FallbackPriceCatalog}.
 */
public interface PriceCatalog {

    Optional<Price> find(PriceKey key);

    /** The price, or a {@link MissingPriceException} that says which price is missing and where it was looked for. */
    default Price require(PriceKey key) {
        return find(key).orElseThrow(() -> new MissingPriceException(key, describe()));
    }

    /** Names the source in messages ("bundled price snapshot of 2026-11-25"). */
    String describe();
}
