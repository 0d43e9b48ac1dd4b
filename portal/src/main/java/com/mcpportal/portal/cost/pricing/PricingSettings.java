package com.mcpportal.portal.cost.pricing;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * {@code portal.pricing.*}: where the Pricing API is and when prices are refreshed. AWS serves the Pricing API
 * from a few regions only; us-east-1 is the default.
 *
 * @param region           signing region of the Pricing endpoint (default us-east-1)
 * @param endpointOverride optional, for an AWS emulator or a test fake (wins over {@code portal.aws.endpoints.pricing})
 * @param refreshCron      Quartz cron expression of the daily refresh, in UTC (default 03:17 every day)
 * @param offline          true: never call AWS for prices or spot prices; estimates use the bundled snapshot
 */
@ConfigurationProperties("portal.pricing")
public record PricingSettings(String region, @Nullable URI endpointOverride, String refreshCron, boolean offline) {

    static final String DEFAULT_REGION = "us-east-1";

    /** 03:17 UTC: off the hour, when AWS's own publication jobs and other cron users crowd the API. */
    static final String DEFAULT_REFRESH_CRON = "0 17 3 * * ?";

    @ConstructorBinding
    public PricingSettings {
        region = region == null || region.isBlank() ? DEFAULT_REGION : region;
        refreshCron = refreshCron == null || refreshCron.isBlank() ? DEFAULT_REFRESH_CRON : refreshCron;
    }

    /** Where the Pricing API is, with the default refresh. */
    public PricingSettings(String region, @Nullable URI endpointOverride) {
        this(region, endpointOverride, DEFAULT_REFRESH_CRON, false);
    }

    public static PricingSettings defaults() {
        return new PricingSettings(DEFAULT_REGION, null);
    }
}
