package com.mcpportal.portal.cost.pricing;

/** Where a price came from, so the page can say which source (and date) an estimate used. */
public enum PriceOrigin {
    /** The AWS Price List Query API (GetProducts), fetched on {@link Price#asOf()}. */
    PRICING_API("AWS Pricing API"),
    /** The snapshot bundled with the portal ({@code cost/price-snapshot.json}). */
    SNAPSHOT("bundled price snapshot"),
    /** EC2 DescribeSpotPriceHistory, the most recent price. */
    SPOT_PRICE_HISTORY("EC2 spot price history"),
    /** On-demand less a documented typical spot discount (an assumption, not a quote). */
    TYPICAL_SPOT_DISCOUNT("typical spot discount (assumption)");

    private final String label;

    PriceOrigin(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
