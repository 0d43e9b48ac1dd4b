package com.mcpportal.portal.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The NAT instance's rows (instance, its IPv4, its volume) against a NAT gateway run all month, and the saving. */
public record NatComparison(CostEstimate natInstance, CostEstimate natGateway) {

    public BigDecimal monthlySavingUsd() {
        return natGateway.totalUsd().subtract(natInstance.totalUsd());
    }

    public BigDecimal displaySaving() {
        return monthlySavingUsd().setScale(2, RoundingMode.HALF_UP);
    }
}
