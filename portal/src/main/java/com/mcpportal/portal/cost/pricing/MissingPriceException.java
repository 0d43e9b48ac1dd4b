package com.mcpportal.portal.cost.pricing;

/** No price known for a region/component: the estimate cannot be honest, so it is not made. */
public class MissingPriceException extends RuntimeException {

    private final PriceKey key;

    public MissingPriceException(PriceKey key, String where) {
        super("No price for " + key.component().label()
                + (key.variant().isEmpty() ? "" : " " + key.variant()) + " in " + key.region() + " (" + where
                + "). The daily AWS Pricing API refresh adds it once the portal can reach AWS.");
        this.key = key;
    }

    public PriceKey key() {
        return key;
    }
}
