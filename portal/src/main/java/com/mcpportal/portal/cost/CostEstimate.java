package com.mcpportal.portal.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/** The seed's table: one row per component, then the total (summed exactly, rounded once for display). */
public record CostEstimate(String region, BigDecimal monthlyHoursOn, List<CostRow> rows) {

    public CostEstimate {
        rows = List.copyOf(rows);
    }

    public BigDecimal totalUsd() {
        return rows.stream().map(CostRow::monthlyUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal displayTotal() {
        return totalUsd().setScale(2, RoundingMode.HALF_UP);
    }

    public Optional<CostRow> row(CostComponent component) {
        return rows.stream().filter(row -> row.component() == component).findFirst();
    }
}
