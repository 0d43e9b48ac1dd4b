package com.mcpportal.portal.cost;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the Pricing API is. AWS serves it from a few regions only; us-east-1 is the default.
 *
 * @param region           signing region of the Pricing endpoint (default us-east-1)
 * @param endpointOverride optional, for an AWS emulator or a test fake
 */
@ConfigurationProperties("portal.pricing")
public record PricingSettings(String region, URI endpointOverride) {

    public PricingSettings {
        region = region == null || region.isBlank() ? "us-east-1" : region;
    }

    public static PricingSettings defaults() {
        return new PricingSettings(null, null);
    }
}
