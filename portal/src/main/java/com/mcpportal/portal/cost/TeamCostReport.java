package com.mcpportal.portal.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A team's environments priced together. The total counts environments with resources in the cloud (a draft
 * costs nothing yet; it is listed as planned); environments without a price are listed and left out.
 */
public record TeamCostReport(long teamId, List<EnvironmentEstimate> environments) {

    public TeamCostReport {
        environments = List.copyOf(environments);
    }

    /** Counted in the total: provisioned (or being provisioned, failed, deprovisioning) and priced. */
    public List<EnvironmentEstimate> billed() {
        return environments.stream().filter(e -> e.billed() && e.priced()).toList();
    }

    /** Drafts: what they would cost once provisioned. */
    public List<EnvironmentEstimate> planned() {
        return environments.stream().filter(e -> !e.billed() && e.priced()).toList();
    }

    /** Environments a price is missing for (region or NAT type the prices do not cover). */
    public List<EnvironmentEstimate> unpriced() {
        return environments.stream().filter(e -> !e.priced()).toList();
    }

    public BigDecimal totalUsd() {
        return billed().stream().map(EnvironmentEstimate::monthlyUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal displayTotal() {
        return totalUsd().setScale(2, RoundingMode.HALF_UP);
    }

    /** The same environments run 24/7: what the schedules save. */
    public BigDecimal alwaysOnUsd() {
        return billed().stream().map(e -> e.cost().alwaysOn().totalUsd()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal displayAlwaysOn() {
        return alwaysOnUsd().setScale(2, RoundingMode.HALF_UP);
    }

    /** The total split by component, in the estimate table's order; components that cost nothing are left out. */
    public Map<CostComponent, BigDecimal> byComponent() {
        return byComponent(billed());
    }

    static Map<CostComponent, BigDecimal> byComponent(List<EnvironmentEstimate> estimates) {
        Map<CostComponent, BigDecimal> sums = new EnumMap<>(CostComponent.class);
        for (EnvironmentEstimate estimate : estimates) {
            for (CostRow row : estimate.cost().scheduled().rows()) {
                sums.merge(row.component(), row.monthlyUsd(), BigDecimal::add);
            }
        }
        sums.values().removeIf(usd -> usd.signum() == 0);
        return sums;
    }
}
