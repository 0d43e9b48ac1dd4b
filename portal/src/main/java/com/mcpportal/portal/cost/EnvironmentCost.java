package com.mcpportal.portal.cost;

import java.util.List;

/** Everything the cost panel shows: the scheduled estimate, the same environment 24/7, the NAT comparison, the assumptions. */
public record EnvironmentCost(CostEstimate scheduled, CostEstimate alwaysOn, NatComparison nat, List<String> assumptions) {

    public EnvironmentCost {
        assumptions = List.copyOf(assumptions);
    }
}
