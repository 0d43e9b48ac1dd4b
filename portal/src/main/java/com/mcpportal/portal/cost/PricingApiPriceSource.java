package com.mcpportal.portal.cost;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.pricing.PricingClient;
import software.amazon.awssdk.services.pricing.PricingClientBuilder;
import software.amazon.awssdk.services.pricing.model.Filter;
import software.amazon.awssdk.services.pricing.model.FilterType;
import software.amazon.awssdk.services.pricing.model.GetProductsRequest;
import software.amazon.awssdk.services.pricing.model.GetProductsResponse;

/**
 * Fetches current list prices with the AWS Price List Query API (GetProducts, exact TERM_MATCH filters).
 * The daily refresh job calls {@link #fetchRegion} and stores the result; estimates never call AWS directly.
 */
public final class PricingApiPriceSource {

    private final PricingClient pricing;
    private final Clock clock;

    public PricingApiPriceSource(PricingClient pricing, Clock clock) {
        this.pricing = pricing;
        this.clock = clock;
    }

    /** A Pricing client for the settings' region, or the endpoint override (an emulator, a test fake). */
    public static PricingClient client(PricingSettings settings, AwsCredentialsProvider credentials) {
        PricingClientBuilder builder = PricingClient.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials);
        if (settings.endpointOverride() != null) {
            builder.endpointOverride(settings.endpointOverride());
        }
        return builder.build();
    }

    /** The current price, or empty when AWS has none for it or the component is not looked up (Cloud Map instances). */
    public Optional<Price> fetch(PriceKey key) {
        Optional<PriceQuery> query = PriceQuery.forKey(key);
        if (query.isEmpty()) {
            return Optional.empty();
        }
        List<String> priceList = new ArrayList<>();
        GetProductsRequest request = request(query.get());
        for (GetProductsResponse page : pricing.getProductsPaginator(request)) {
            priceList.addAll(page.priceList());
        }
        Optional<BigDecimal> usd = PriceListParser.onDemandUsd(priceList, query.get().usageType());
        LocalDate today = LocalDate.now(clock);
        String note = query.get().usageType().orElse(describe(query.get().filters()));
        return usd.map(price -> new Price(key, price, PriceOrigin.PRICING_API, today, true, note));
    }

    /** Every component of one region (and the given NAT instance types) that the Pricing API knows. */
    public List<Price> fetchRegion(String region, Collection<String> instanceTypes) {
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

    static GetProductsRequest request(PriceQuery query) {
        List<Filter> filters = new ArrayList<>();
        query.filters().forEach((field, value) ->
                filters.add(Filter.builder().type(FilterType.TERM_MATCH).field(field).value(value).build()));
        return GetProductsRequest.builder()
                .serviceCode(query.serviceCode())
                .formatVersion("aws_v1")
                .filters(filters)
                .maxResults(100)
                .build();
    }

    private static String describe(Map<String, String> filters) {
        return filters.toString();
    }
}
