package com.mcpportal.portal.cost.pricing;

import java.math.BigDecimal;

/**
 * Discounts assumed when no spot price can be read (simulated mode, no AWS access). Deliberately smaller than
 * AWS's headline figures so an estimate errs high.
 */
public final class SpotDiscounts {

    /**
     * Fargate Spot: AWS's Fargate pricing page says Fargate Spot runs "at up to a 70% discount off the Fargate
     * price"; published Fargate Spot rates seen while compiling the snapshot were 66–70% below on-demand. We assume 60%
     * off the architecture's own on-demand rate, ARM64 as well as x86_64: the price list has ARM Spot usage types
     * (e.g. {@code SpotUsage-Fargate-ARM-vCPU-Hours:perCPU}), but the bundled snapshot holds no spot rate for either.
     */
    public static final BigDecimal FARGATE_SPOT = new BigDecimal("0.60");

    /**
     * EC2 Spot (the NAT instance): AWS advertises "up to 90% off" on-demand, and the real discount varies by
     * type, zone and time. We assume 50% when DescribeSpotPriceHistory is not available.
     */
    public static final BigDecimal EC2_SPOT = new BigDecimal("0.50");

    private SpotDiscounts() {
    }

    public static BigDecimal apply(BigDecimal onDemand, BigDecimal discount) {
        return onDemand.multiply(BigDecimal.ONE.subtract(discount));
    }
}
