package com.mcpportal.portal.cloud;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where the portal reads prices: a cloud's price list and its current spot prices, asked with a cloud account's
 * credentials. A port of its own beside {@link CloudProvider} (reading prices is no provisioning step); the cost
 * feature decides what to ask, parses the answers, stores them and falls back on its bundled snapshot.
 */
public interface CloudPrices {

    /**
     * Opens the price list and spot market of a target's account; close the reader when done.
     *
     * @param priceListRegion where the price list is asked (AWS serves it from a few regions only)
     * @param priceListEndpoint another endpoint for the price list (an emulator, a proxy), or null for the cloud's
     */
    Reader open(CloudTarget target, String priceListRegion, URI priceListEndpoint);

    /** One account's prices. Failures are {@link CloudException}s with the provider's error code and message. */
    interface Reader extends AutoCloseable {

        /**
         * The products of a service whose attributes all equal the given ones, one price-list JSON document each,
         * every page read (AWS: the Price List Query API's GetProducts with TERM_MATCH filters).
         */
        List<String> products(String serviceCode, Map<String, String> attributes);

        /**
         * The Linux/UNIX spot price per hour of an instance type in force at {@code at}, once per availability zone
         * of the target's region that has one (AWS: EC2 DescribeSpotPriceHistory starting at that time).
         */
        List<BigDecimal> spotPrices(String instanceType, Instant at);

        @Override
        void close();
    }
}
