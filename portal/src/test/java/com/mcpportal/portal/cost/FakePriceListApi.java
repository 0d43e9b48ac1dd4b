package com.mcpportal.portal.cost;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mcpportal.portal.cost.pricing.Price;
import tools.jackson.databind.json.JsonMapper;

/**
 * A loopback fake of the AWS Price List Query API as it speaks on the wire: JSON 1.1 over POST /, the
 * operation in {@code X-Amz-Target}, products in {@code PriceList} as JSON strings inside the JSON answer.
 * A stub answers only a request carrying the exact TERM_MATCH usage type it was set up for, as AWS would.
 */
public final class FakePriceListApi {

    public static final String TARGET = "AWSPriceListService.GetProducts";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private FakePriceListApi() {
    }

    public static MappingBuilder getProducts(String serviceCode) {
        return post(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(TARGET))
                .withRequestBody(matchingJsonPath("$.ServiceCode", equalTo(serviceCode)));
    }

    public static MappingBuilder termMatch(MappingBuilder request, String field, String value) {
        return request.withRequestBody(matchingJsonPath(
                "$.Filters[?(@.Type == 'TERM_MATCH' && @.Field == '" + field + "' && @.Value == '" + value + "')]"));
    }

    public static void answer(WireMockServer server, MappingBuilder request, String nextToken, String... products) {
        Map<String, Object> body = nextToken == null
                ? Map.of("FormatVersion", "aws_v1", "PriceList", List.of(products))
                : Map.of("FormatVersion", "aws_v1", "PriceList", List.of(products), "NextToken", nextToken);
        server.stubFor(request.willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody(JSON.writeValueAsString(body))));
    }

    /** One product as AWS serialises it, with one on-demand term and the given tiers (beginRange → USD). */
    public static String product(String serviceCode, String family, Map<String, String> attributes, String unit,
                          Map<String, String> tiers) {
        String sku = "SKU" + Math.abs((serviceCode + attributes).hashCode());
        String term = sku + ".JRTCKXETXF";
        LinkedHashMap<String, Object> dimensions = new LinkedHashMap<>();
        int index = 0;
        List<String> begins = List.copyOf(tiers.keySet());
        for (String begin : begins) {
            String end = index + 1 < begins.size() ? begins.get(index + 1) : "Inf";
            dimensions.put(term + ".DIM" + index, Map.of("unit", unit, "beginRange", begin, "endRange", end,
                    "description", "$" + tiers.get(begin) + " per " + unit, "appliesTo", List.of(),
                    "rateCode", term + ".DIM" + index, "pricePerUnit", Map.of("USD", tiers.get(begin))));
            index++;
        }
        Map<String, Object> product = Map.of(
                "product", Map.of("productFamily", family, "attributes", attributes, "sku", sku),
                "serviceCode", serviceCode,
                "terms", Map.of("OnDemand", Map.of(term, Map.of("priceDimensions", dimensions, "sku", sku,
                        "effectiveDate", "2026-11-01T00:00:00Z", "offerTermCode", "JRTCKXETXF", "termAttributes", Map.of()))),
                "version", "20261101000000",
                "publicationDate", "2026-11-01T00:00:00Z");
        return JSON.writeValueAsString(product);
    }

    public static String errorBody(String type, String message) {
        return JSON.writeValueAsString(Map.of("__type", type, "Message", message));
    }
}
