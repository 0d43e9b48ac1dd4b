package com.mcpportal.portal.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** One component's monthly cost, exact; {@link #displayUsd()} rounds for the page only. */
public record CostRow(CostComponent component, List<CostLine> lines) {

    public CostRow {
        lines = List.copyOf(lines);
    }

    public BigDecimal monthlyUsd() {
        return lines.stream().map(CostLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal displayUsd() {
        return monthlyUsd().setScale(2, RoundingMode.HALF_UP);
    }
}
