package com.mcpportal.portal.cost.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A list price in USD per {@link PriceComponent#unit()} with its provenance.
 *
 * @param checked false when the figure could not be confirmed against a published source (snapshot only)
 * @param note    free text: the AWS usage type, or why the figure is unconfirmed
 */
public record Price(PriceKey key, BigDecimal usdPerUnit, PriceOrigin origin, LocalDate asOf, boolean checked,
                    String note) {

    public Price {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(usdPerUnit, "usdPerUnit");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(asOf, "asOf");
        if (usdPerUnit.signum() < 0) {
            throw new IllegalArgumentException("A price cannot be negative: " + key + " " + usdPerUnit);
        }
        note = note == null ? "" : note;
    }

    /** "bundled price snapshot, 2026-11-25". */
    public String provenance() {
        return origin.label() + ", " + asOf;
    }
}
