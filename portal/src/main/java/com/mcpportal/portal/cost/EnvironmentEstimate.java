package com.mcpportal.portal.cost;

import java.math.BigDecimal;
import java.util.List;

import com.mcpportal.portal.environment.EnvironmentState;

/**
 * One environment's monthly estimate as the cost pages (and the REST API) show it. {@code cost} is null when a
 * price is missing for the environment's region or NAT type; {@code problem} then says which.
 *
 * @param priceSources the distinct sources of the prices used ("AWS Pricing API, 2027-03-14")
 * @param assumptions  everything the figure assumes, in words
 */
public record EnvironmentEstimate(long environmentId, long teamId, String environmentName, String region,
        EnvironmentState state, ScheduleBasis schedule, EnvironmentCost cost, String problem,
        List<String> priceSources, List<String> assumptions) {

    public EnvironmentEstimate {
        priceSources = List.copyOf(priceSources);
        assumptions = List.copyOf(assumptions);
    }

    public boolean priced() {
        return cost != null;
    }

    /** Exact USD per average month on its schedule, or null when not priced. */
    public BigDecimal monthlyUsd() {
        return cost == null ? null : cost.scheduled().totalUsd();
    }

    /** Rounded to cents, or null when not priced. */
    public BigDecimal displayTotal() {
        return cost == null ? null : cost.scheduled().displayTotal();
    }

    /** Whether it counts in team totals: only environments that have (or may have) resources in the cloud cost money. */
    public boolean billed() {
        return state.hasCloudResources();
    }
}
