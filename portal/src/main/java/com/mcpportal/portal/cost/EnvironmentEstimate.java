package com.mcpportal.portal.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import com.mcpportal.portal.environment.EnvironmentState;

/**
 * One environment's monthly estimate as the cost pages (and the REST API) show it. {@code cost} is null when a
 * price is missing for the environment's region or NAT type; {@code problem} then says which.
 *
 * An environment in a shared network is priced there: its own rows plus its part of the network's NAT, IPv4
 * address, root volume and namespace, so that team totals and budgets add up to what the team pays.
 *
 * @param priceSources the distinct sources of the prices used ("AWS Pricing API, 2027-03-14")
 * @param assumptions  everything the figure assumes, in words
 * @param network      its part of its shared network (with its estimate alone), or null with a network of its own
 */
public record EnvironmentEstimate(long environmentId, long teamId, String environmentName, String region,
        EnvironmentState state, ScheduleBasis schedule, EnvironmentCost cost, String problem,
        List<String> priceSources, List<String> assumptions, SharedNetworkCosts.NetworkShare network) {

    public EnvironmentEstimate {
        priceSources = List.copyOf(priceSources);
        assumptions = List.copyOf(assumptions);
    }

    /** The same estimate priced in its shared network, said in the assumptions. */
    EnvironmentEstimate inNetwork(SharedNetworkCosts.InNetwork in) {
        SharedNetworkCosts.NetworkShare share = in.share();
        String said = "In shared network " + share.networkName() + ": its own NAT instance, public IPv4 address, root"
                + " volume and Cloud Map namespace are replaced by " + share.fraction().movePointRight(2)
                .setScale(1, RoundingMode.HALF_UP).toPlainString() + " % of the network's (its share of the NAT's"
                + " hours); with a network of its own it would cost " + CostFormat.usdText(share.aloneUsd()) + ".";
        List<String> all = new ArrayList<>(assumptions);
        all.add(said);
        List<String> costAssumptions = new ArrayList<>(cost.assumptions());
        costAssumptions.add(said);
        return new EnvironmentEstimate(environmentId, teamId, environmentName, region, state, schedule,
                new EnvironmentCost(in.scheduled(), in.alwaysOn(), cost.nat(), costAssumptions), problem, priceSources,
                all, share);
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
