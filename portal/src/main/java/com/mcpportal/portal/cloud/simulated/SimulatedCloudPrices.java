package com.mcpportal.portal.cloud.simulated;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.mcpportal.portal.cloud.CloudPrices;
import com.mcpportal.portal.cloud.CloudTarget;

/**
 * The simulated cloud has no price list and no spot market: every question is answered with nothing, so its
 * accounts' estimates use the cost feature's bundled price snapshot, as the portal does offline.
 */
public class SimulatedCloudPrices implements CloudPrices {

    @Override
    public Reader open(CloudTarget target, String priceListRegion, URI priceListEndpoint) {
        return new Reader() {

            @Override
            public List<String> products(String serviceCode, Map<String, String> attributes) {
                return List.of();
            }

            @Override
            public List<BigDecimal> spotPrices(String instanceType, Instant at) {
                return List.of();
            }

            @Override
            public void close() {
            }
        };
    }
}
