package com.mcpportal.portal.cloud.aws;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mcpportal.portal.cloud.CloudPrices;
import com.mcpportal.portal.cloud.CloudTarget;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeSpotPriceHistoryRequest;
import software.amazon.awssdk.services.ec2.model.SpotPrice;
import software.amazon.awssdk.services.pricing.PricingClient;
import software.amazon.awssdk.services.pricing.model.Filter;
import software.amazon.awssdk.services.pricing.model.FilterType;
import software.amazon.awssdk.services.pricing.model.GetProductsRequest;
import software.amazon.awssdk.services.pricing.model.GetProductsResponse;

/**
 * Prices from AWS: the Price List Query API (GetProducts, exact TERM_MATCH filters, every page) on a Pricing client
 * signed with the account's credentials, built per reader; and EC2 DescribeSpotPriceHistory with a start time of
 * "now", which AWS answers with the current price in each availability zone.
 */
public class AwsCloudPrices implements CloudPrices {

    static final String PRICES_STEP = "read-prices";
    static final String SPOT_STEP = "read-spot-prices";

    private final AwsClientFactory clients;

    public AwsCloudPrices(AwsClientFactory clients) {
        this.clients = clients;
    }

    @Override
    public Reader open(CloudTarget target, String priceListRegion, URI priceListEndpoint) {
        PricingClient pricing = clients.pricingClient(target, priceListRegion, priceListEndpoint);
        Ec2Client ec2 = clients.clientsFor(target).ec2();
        return new Reader() {

            @Override
            public List<String> products(String serviceCode, Map<String, String> attributes) {
                List<String> priceList = new ArrayList<>();
                try {
                    for (GetProductsResponse page : pricing.getProductsPaginator(request(serviceCode, attributes))) {
                        priceList.addAll(page.priceList());
                    }
                } catch (SdkException e) {
                    throw AwsErrors.translate(e, PRICES_STEP);
                }
                return priceList;
            }

            @Override
            public List<BigDecimal> spotPrices(String instanceType, Instant at) {
                DescribeSpotPriceHistoryRequest request = DescribeSpotPriceHistoryRequest.builder()
                        .instanceTypesWithStrings(instanceType)
                        .productDescriptions("Linux/UNIX")
                        .startTime(at)
                        .build();
                try {
                    return ec2.describeSpotPriceHistory(request).spotPriceHistory().stream()
                            .map(SpotPrice::spotPrice)
                            .map(BigDecimal::new)
                            .toList();
                } catch (SdkException e) {
                    throw AwsErrors.translate(e, SPOT_STEP);
                }
            }

            @Override
            public void close() {
                pricing.close();
            }
        };
    }

    static GetProductsRequest request(String serviceCode, Map<String, String> attributes) {
        List<Filter> filters = new ArrayList<>();
        attributes.forEach((field, value) ->
                filters.add(Filter.builder().type(FilterType.TERM_MATCH).field(field).value(value).build()));
        return GetProductsRequest.builder()
                .serviceCode(serviceCode)
                .formatVersion("aws_v1")
                .filters(filters)
                .maxResults(100)
                .build();
    }
}
