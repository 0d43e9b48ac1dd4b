package com.mcpportal.portal.cost.pricing;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Asks catalogs in order (fresh database prices first, the bundled snapshot last) and takes the first answer. */
public final class FallbackPriceCatalog implements PriceCatalog {

    private final List<PriceCatalog> catalogs;

    public FallbackPriceCatalog(List<PriceCatalog> catalogs) {
        if (catalogs.isEmpty()) {
            throw new IllegalArgumentException("At least one catalog is needed");
        }
        this.catalogs = List.copyOf(catalogs);
    }

    @Override
    public Optional<Price> find(PriceKey key) {
        for (PriceCatalog catalog : catalogs) {
            Optional<Price> price = catalog.find(key);
            if (price.isPresent()) {
                return price;
            }
        }
        return Optional.empty();
    }

    @Override
    public String describe() {
        return catalogs.stream().map(PriceCatalog::describe).collect(Collectors.joining(", then "));
    }
}
