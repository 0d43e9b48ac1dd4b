package com.mcpportal.portal.cost.pricing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads GetProducts' {@code PriceList}: each entry is a product as a JSON string inside the JSON answer.
 * Takes {@code terms.OnDemand.*.priceDimensions.*.pricePerUnit.USD} of the first tier (lowest beginRange),
 * which for tiered prices (API Gateway, hosted zones) is the rate a small environment pays.
 */
final class PriceListParser {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PriceListParser() {
    }

    /**
     * The one on-demand USD price among the products; empty when none matched. Products carrying another
     * usage type than asked for are ignored; several products with different prices are an error, not a guess.
     */
    static Optional<BigDecimal> onDemandUsd(List<String> priceList, Optional<String> expectedUsageType) {
        List<BigDecimal> found = new ArrayList<>();
        for (String product : priceList) {
            JsonNode root = read(product);
            String usageType = root.path("product").path("attributes").path("usagetype").asString("");
            if (expectedUsageType.isPresent() && !expectedUsageType.get().equals(usageType)) {
                continue;
            }
            firstTierUsd(root).ifPresent(found::add);
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal first = found.get(0);
        for (BigDecimal other : found) {
            if (other.compareTo(first) != 0) {
                throw new IllegalStateException("The Pricing API returned " + found.size()
                        + " products with different prices " + found + "; refusing to guess");
            }
        }
        return Optional.of(first.stripTrailingZeros());
    }

    private static Optional<BigDecimal> firstTierUsd(JsonNode product) {
        BigDecimal lowestBegin = null;
        BigDecimal price = null;
        for (JsonNode term : product.path("terms").path("OnDemand").values()) {
            for (JsonNode dimension : term.path("priceDimensions").values()) {
                String usd = dimension.path("pricePerUnit").path("USD").asString("");
                if (usd.isEmpty()) {
                    continue;
                }
                BigDecimal begin = new BigDecimal(dimension.path("beginRange").asString("0"));
                if (lowestBegin == null || begin.compareTo(lowestBegin) < 0) {
                    lowestBegin = begin;
                    price = new BigDecimal(usd);
                }
            }
        }
        return Optional.ofNullable(price);
    }

    private static JsonNode read(String product) {
        try {
            return JSON.readTree(product);
        } catch (JacksonException e) {
            throw new IllegalStateException("The Pricing API returned a PriceList entry that is not JSON", e);
        }
    }
}
