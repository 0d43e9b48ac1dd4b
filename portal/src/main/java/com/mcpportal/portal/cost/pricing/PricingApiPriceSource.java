package com.mcpportal.portal.cost.pricing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.mcpportal.portal.cloud.CloudPrices;

/**
 * Fetches current list prices from a cloud's price list (AWS's Price List Query API: GetProducts with exact
 * filters, asked through the {@link CloudPrices} port). The daily refresh job calls {@link #fetchRegion} and stores
 * the result; estimates never ask the cloud directly.
 */
final class PricingApiPriceSource {

    private final CloudPrices.Reader prices;
    private final Clock clock;

    PricingApiPriceSource(CloudPrices.Reader prices, Clock clock) {
        this.prices = prices;
        this.clock = clock;
    }

    /** The current price, or empty when AWS has none for it or the component is not looked up (Cloud Map instances). */
    Optional<Price> fetch(PriceKey key) {
        Optional<PriceQuery> query = PriceQuery.forKey(key);
        if (query.isEmpty()) {
            return Optional.empty();
        }
        List<String> priceList = prices.products(query.get().serviceCode(), query.get().filters());
        Optional<BigDecimal> usd = PriceListParser.onDemandUsd(priceList, query.get().usageType());
        LocalDate today = LocalDate.now(clock);
        String note = query.get().usageType().orElse(query.get().filters().toString());
        return usd.map(price -> new Price(key, price, PriceOrigin.PRICING_API, today, true, note));
    }

    /** Every component of one region (and the given NAT instance types) that the Pricing API knows. */
    List<Price> fetchRegion(String region, Collection<String> instanceTypes) {
        List<Price> prices = new ArrayList<>();
        for (PriceComponent component : PriceComponent.values()) {
            if (component == PriceComponent.EC2_INSTANCE_HOUR) {
                for (String type : instanceTypes) {
                    fetch(PriceKey.instance(region, type)).ifPresent(prices::add);
                }
            } else {
                fetch(PriceKey.of(region, component)).ifPresent(prices::add);
            }
        }
        return prices;
    }
}
