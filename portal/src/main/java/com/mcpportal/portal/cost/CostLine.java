package com.mcpportal.portal.cost;

import java.math.BigDecimal;

/** quantity × unit price = amount, with the price's source: the working shown under a row. */
public record CostLine(String what, BigDecimal quantity, String unit, BigDecimal usdPerUnit, String provenance) {

    public BigDecimal amount() {
        return quantity.multiply(usdPerUnit);
    }
}
