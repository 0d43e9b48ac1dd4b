/**
 * AWS list prices: the catalog every estimate asks (the database cache, then the bundled snapshot), the daily refresh
 * from the Pricing API through the cloud port with its Quartz job and run log, and spot discounts. Internal to the cost
 * feature: estimates reach prices through {@link com.mcpportal.portal.cost.pricing.PriceCatalog}.
 */
@NullMarked
package com.mcpportal.portal.cost.pricing;

import org.jspecify.annotations.NullMarked;
