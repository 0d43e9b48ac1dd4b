package com.mcpportal.portal.cost.pricing;

import java.util.Objects;

/**
 * What a price is for: region code, component and, for EC2 instances, the instance type (empty otherwise).
 * The key of every {@link PriceCatalog}, and of the database table the daily refresh will fill.
 */
public record PriceKey(String region, PriceComponent component, String variant) {

    public PriceKey {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(component, "component");
        variant = variant == null ? "" : variant;
        if (component == PriceComponent.EC2_INSTANCE_HOUR && variant.isBlank()) {
            throw new IllegalArgumentException("An EC2 instance price needs the instance type as its variant");
        }
    }

    public static PriceKey of(String region, PriceComponent component) {
        return new PriceKey(region, component, "");
    }

    public static PriceKey instance(String region, String instanceType) {
        return new PriceKey(region, PriceComponent.EC2_INSTANCE_HOUR, instanceType);
    }

    @Override
    public String toString() {
        return region + "/" + component + (variant.isEmpty() ? "" : "/" + variant);
    }
}
