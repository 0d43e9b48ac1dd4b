package com.mcpportal.portal.cost.web;

import com.mcpportal.portal.cost.EnvironmentEstimate;
import com.mcpportal.portal.cost.pricing.PriceStatus;

/**
 * A what-if beside the environment's own estimate (money as exact USD decimal strings, see
 * {@link EnvironmentCostResponse}). Nothing was changed to compute it.
 *
 * @param monthlyDifferenceUsd what-if minus current per month (negative: the what-if is cheaper); null when either
 *                             could not be priced
 */
record WhatIfResponse(String currency, EnvironmentCostResponse current, EnvironmentCostResponse whatIf,
                      String monthlyDifferenceUsd) {

    static WhatIfResponse of(EnvironmentEstimate current, EnvironmentEstimate whatIf, PriceStatus prices) {
        String difference = current.priced() && whatIf.priced()
                ? EnvironmentCostResponse.exact(whatIf.monthlyUsd().subtract(current.monthlyUsd())) : null;
        return new WhatIfResponse(EnvironmentCostResponse.USD, EnvironmentCostResponse.of(current, prices),
                EnvironmentCostResponse.of(whatIf, prices), difference);
    }
}
