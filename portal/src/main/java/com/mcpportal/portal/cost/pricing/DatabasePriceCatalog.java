package com.mcpportal.portal.cost.pricing;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The prices the daily refresh stored, read from the database into memory. A page of team totals asks for
 * hundreds of prices, so they are kept for a minute (other portal instances' refreshes show up within that
 * minute; this instance's own refresh reloads at once).
 */
public final class DatabasePriceCatalog implements PriceCatalog {

    private static final long MAX_AGE_NANOS = 60_000_000_000L;

    private final PriceStore store;
    private volatile @Nullable Loaded loaded;

    private record Loaded(Map<PriceKey, Price> prices, long atNanos) {
    }

    public DatabasePriceCatalog(PriceStore store) {
        this.store = store;
    }

    @Override
    public Optional<Price> find(PriceKey key) {
        return Optional.ofNullable(current().prices().get(key));
    }

    @Override
    public String describe() {
        return "AWS Pricing API prices stored by the daily refresh";
    }

    /** How many prices are stored: zero until the first refresh that reached AWS. */
    public int size() {
        return current().prices().size();
    }

    /** Forgets what was loaded, so the next question reads the table again. */
    public void reload() {
        loaded = null;
    }

    private Loaded current() {
        Loaded now = loaded;
        if (now == null || System.nanoTime() - now.atNanos() > MAX_AGE_NANOS) {
            now = new Loaded(store.prices().stream().collect(Collectors.toUnmodifiableMap(Price::key,
                    Function.identity())), System.nanoTime());
            loaded = now;
        }
        return now;
    }
}
