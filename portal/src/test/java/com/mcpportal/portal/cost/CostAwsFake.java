package com.mcpportal.portal.cost;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.mcpportal.portal.cost.FakePriceListApi.getProducts;
import static com.mcpportal.portal.cost.FakePriceListApi.product;
import static com.mcpportal.portal.cost.FakePriceListApi.termMatch;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.Map;

/**
 * The AWS APIs the price refresh calls, on one loopback WireMock: the Pricing API (JSON 1.1, products as JSON
 * strings in {@code PriceList}) and EC2's DescribeSpotPriceHistory (Query/XML). By default AWS knows no product
 * and no spot price; tests add the answers they need.
 */
public final class CostAwsFake {

    private CostAwsFake() {
    }

    public static void reset(WireMockServer server) {
        server.resetAll();
        server.stubFor(any(anyUrl()).atPriority(100).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody(FakePriceListApi.errorBody("UnknownOperationException", "not stubbed in CostAwsFake"))));
        server.stubFor(post(urlEqualTo("/")).atPriority(50)
                .withHeader("X-Amz-Target", equalTo(FakePriceListApi.TARGET))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"FormatVersion\":\"aws_v1\",\"PriceList\":[]}")));
        server.stubFor(post(urlEqualTo("/")).atPriority(50).withRequestBody(containing("Action=DescribeSpotPriceHistory"))
                .willReturn(spotAnswer("")));
    }

    /** A regional product with an exact usage type, as GetProducts answers it (one on-demand tier). */
    public static void price(WireMockServer server, String serviceCode, String region, String usageType, String usd) {
        FakePriceListApi.answer(server, termMatch(termMatch(getProducts(serviceCode), "regionCode", region),
                "usagetype", usageType), null, product(serviceCode, "Compute", Map.of("usagetype", usageType,
                "regionCode", region, "servicecode", serviceCode), "Hrs", Map.of("0", usd)));
    }

    /** Linux on-demand price of an EC2 instance type in a region. */
    public static void instancePrice(WireMockServer server, String region, String instanceType, String usd) {
        FakePriceListApi.answer(server, termMatch(termMatch(getProducts("AmazonEC2"), "regionCode", region),
                "instanceType", instanceType), null, product("AmazonEC2", "Compute Instance", Map.of(
                "usagetype", "BoxUsage:" + instanceType, "instanceType", instanceType, "regionCode", region,
                "operatingSystem", "Linux", "tenancy", "Shared"), "Hrs", Map.of("0", usd)));
    }

    /** Every GetProducts call fails as AWS answers a caller without pricing:GetProducts. */
    public static void denyPricing(WireMockServer server) {
        server.stubFor(post(urlEqualTo("/")).atPriority(10)
                .withHeader("X-Amz-Target", equalTo(FakePriceListApi.TARGET))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody(FakePriceListApi.errorBody("AccessDeniedException",
                                "User is not authorized to perform: pricing:GetProducts"))));
    }

    /** DescribeSpotPriceHistory for one instance type answers with these items (see {@link #spotItem}). */
    public static void spotPrices(WireMockServer server, String instanceType, String items) {
        server.stubFor(post(urlEqualTo("/")).atPriority(40).withRequestBody(containing("Action=DescribeSpotPriceHistory"))
                .withRequestBody(containing("InstanceType.1=" + instanceType)).willReturn(spotAnswer(items)));
    }

    private static ResponseDefinitionBuilder spotAnswer(String items) {
        return aResponse().withStatus(200).withHeader("Content-Type", "text/xml;charset=UTF-8").withBody("""
                        <?xml version="1.0" encoding="UTF-8"?>
                        <DescribeSpotPriceHistoryResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
                            <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>
                            <spotPriceHistorySet>%s</spotPriceHistorySet>
                            <nextToken/>
                        </DescribeSpotPriceHistoryResponse>
                        """.formatted(items));
    }

    public static String spotItem(String instanceType, String zone, String usd) {
        return "<item><instanceType>" + instanceType + "</instanceType><productDescription>Linux/UNIX</productDescription>"
                + "<spotPrice>" + usd + "</spotPrice><timestamp>2027-03-14T22:40:00.000Z</timestamp>"
                + "<availabilityZone>" + zone + "</availabilityZone></item>";
    }
}
