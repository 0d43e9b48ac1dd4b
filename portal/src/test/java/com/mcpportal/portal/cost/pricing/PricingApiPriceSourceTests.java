package com.mcpportal.portal.cost.pricing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.mcpportal.portal.cost.FakePriceListApi.answer;
import static com.mcpportal.portal.cost.FakePriceListApi.getProducts;
import static com.mcpportal.portal.cost.FakePriceListApi.product;
import static com.mcpportal.portal.cost.FakePriceListApi.termMatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.CloudPrices;
import com.mcpportal.portal.cloud.CloudTarget;
import com.mcpportal.portal.cloud.aws.AwsClientFactory;
import com.mcpportal.portal.cloud.aws.AwsCloudPrices;
import com.mcpportal.portal.cloud.aws.AwsSettings;
import com.mcpportal.portal.cost.FakePriceListApi;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** What the cost feature asks the AWS price list through the cloud port, against a fake of the Price List Query API. */
class PricingApiPriceSourceTests {

    private final WireMockServer aws = new WireMockServer(options().dynamicPort());
    private AwsClientFactory clients;
    private CloudPrices.Reader prices;
    private PricingApiPriceSource source;

    @BeforeEach
    void start() {
        aws.start();
        clients = new AwsClientFactory(AwsSettings.defaults(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "not-a-secret")));
        prices = new AwsCloudPrices(clients).open(CloudTarget.defaultCredentials("1", "eu-west-1"), "us-east-1",
                URI.create(aws.baseUrl()));
        source = new PricingApiPriceSource(prices, Clock.fixed(Instant.parse("2026-11-25T03:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        prices.close();
        clients.close();
        aws.stop();
    }

    private static String fargate(String usageType, String usd) {
        return product("AmazonECS", "Compute", Map.of("usagetype", usageType, "regionCode", "us-east-1",
                "servicecode", "AmazonECS", "location", "US East (N. Virginia)"), "hours", Map.of("0", usd));
    }

    @Test
    void fargateVcpuIsAskedForByItsWholeUsageTypeAndParsedFromTheJsonString() {
        answer(aws, termMatch(termMatch(getProducts("AmazonECS"), "regionCode", "us-east-1"),
                "usagetype", "USE1-Fargate-vCPU-Hours:perCPU"), null, fargate("USE1-Fargate-vCPU-Hours:perCPU", "0.0404800000"));

        Price price = source.fetch(PriceKey.of("us-east-1", PriceComponent.FARGATE_X86_VCPU_HOUR)).orElseThrow();

        assertThat(price.usdPerUnit()).isEqualByComparingTo("0.04048");
        assertThat(price.origin()).isEqualTo(PriceOrigin.PRICING_API);
        assertThat(price.asOf()).isEqualTo(LocalDate.parse("2026-11-25"));
        aws.verify(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo(FakePriceListApi.TARGET))
                .withHeader("Content-Type", equalTo("application/x-amz-json-1.1"))
                .withRequestBody(equalToJson("""
                        {"ServiceCode": "AmazonECS", "FormatVersion": "aws_v1", "MaxResults": 100,
                         "Filters": [{"Type": "TERM_MATCH", "Field": "regionCode", "Value": "us-east-1"},
                                     {"Type": "TERM_MATCH", "Field": "usagetype", "Value": "USE1-Fargate-vCPU-Hours:perCPU"}]}
                        """)));
    }

    @Test
    void armMemoryInFrankfurtUsesTheEuc1Prefix() {
        answer(aws, termMatch(getProducts("AmazonECS"), "usagetype", "EUC1-Fargate-ARM-GB-Hours"), null,
                fargate("EUC1-Fargate-ARM-GB-Hours", "0.0040900000"));

        assertThat(source.fetch(PriceKey.of("eu-central-1", PriceComponent.FARGATE_ARM_GB_HOUR)))
                .map(Price::usdPerUnit).hasValue(new BigDecimal("0.00409"));
    }

    @Test
    void natInstanceTypeIsMatchedOnItsEc2Attributes() {
        answer(aws, termMatch(termMatch(termMatch(termMatch(termMatch(getProducts("AmazonEC2"),
                "instanceType", "t4g.nano"), "operatingSystem", "Linux"), "tenancy", "Shared"),
                "preInstalledSw", "NA"), "capacitystatus", "Used"), null,
                product("AmazonEC2", "Compute Instance", Map.of("instanceType", "t4g.nano", "usagetype", "BoxUsage:t4g.nano",
                        "operatingSystem", "Linux", "tenancy", "Shared", "preInstalledSw", "NA", "capacitystatus", "Used",
                        "regionCode", "us-east-1"), "Hrs", Map.of("0", "0.0042000000")));

        assertThat(source.fetch(PriceKey.instance("us-east-1", "t4g.nano"))).map(Price::usdPerUnit)
                .hasValue(new BigDecimal("0.0042"));
        aws.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(equalToJson("""
                {"ServiceCode": "AmazonEC2", "FormatVersion": "aws_v1", "MaxResults": 100,
                 "Filters": [{"Type": "TERM_MATCH", "Field": "regionCode", "Value": "us-east-1"},
                             {"Type": "TERM_MATCH", "Field": "instanceType", "Value": "t4g.nano"},
                             {"Type": "TERM_MATCH", "Field": "operatingSystem", "Value": "Linux"},
                             {"Type": "TERM_MATCH", "Field": "tenancy", "Value": "Shared"},
                             {"Type": "TERM_MATCH", "Field": "preInstalledSw", "Value": "NA"},
                             {"Type": "TERM_MATCH", "Field": "capacitystatus", "Value": "Used"}]}
                """, true, false)));
    }

    @Test
    void tieredHttpApiPriceTakesTheFirstTierAcrossPages() {
        Map<String, String> tiers = new LinkedHashMap<>();
        tiers.put("300000000", "0.0000009000");
        tiers.put("0", "0.0000010000");
        String request = "USE1-ApiGatewayHttpRequest";
        answer(aws, termMatch(getProducts("AmazonApiGateway"), "usagetype", request)
                .withRequestBody(matchingJsonPath("$.NextToken", equalTo("page-2"))), null,
                product("AmazonApiGateway", "API Calls", Map.of("usagetype", request, "operation", "ApiGatewayHttpApi"),
                        "Requests", tiers));
        answer(aws, termMatch(getProducts("AmazonApiGateway"), "usagetype", request)
                .withRequestBody(matchingJsonPath("$[?(!@.NextToken)]")), "page-2");

        assertThat(source.fetch(PriceKey.of("us-east-1", PriceComponent.HTTP_API_REQUEST))).map(Price::usdPerUnit)
                .hasValue(new BigDecimal("0.000001"));
    }

    @Test
    void usEast1StorageUsageTypesHaveNoPrefixAndRoute53IsGlobal() {
        answer(aws, termMatch(getProducts("AmazonEC2"), "usagetype", "EBS:VolumeUsage.gp3"), null,
                product("AmazonEC2", "Storage", Map.of("usagetype", "EBS:VolumeUsage.gp3", "volumeApiName", "gp3"),
                        "GB-Mo", Map.of("0", "0.0800000000")));
        answer(aws, termMatch(getProducts("AmazonRoute53"), "usagetype", "HostedZone")
                        .withRequestBody(matchingJsonPath("$.Filters[?(@.Field == 'regionCode')]", absent())), null,
                product("AmazonRoute53", "DNS Zone", Map.of("usagetype", "HostedZone"), "HostedZone",
                        new LinkedHashMap<>(Map.of("0", "0.5000000000"))));

        assertThat(source.fetch(PriceKey.of("us-east-1", PriceComponent.EBS_GP3_GB_MONTH))).map(Price::usdPerUnit)
                .hasValue(new BigDecimal("0.08"));
        assertThat(source.fetch(PriceKey.of("eu-west-1", PriceComponent.CLOUD_MAP_HOSTED_ZONE_MONTH))).map(Price::usdPerUnit)
                .hasValue(new BigDecimal("0.5"));
    }

    @Test
    void differentPricesForOneQueryAreRefusedNotGuessed() {
        answer(aws, getProducts("AmazonECS"), null, fargate("USE1-Fargate-GB-Hours", "0.0044450000"),
                fargate("USE1-Fargate-GB-Hours", "0.0050000000"));

        assertThatThrownBy(() -> source.fetch(PriceKey.of("us-east-1", PriceComponent.FARGATE_X86_GB_HOUR)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("refusing to guess");
    }

    @Test
    void noProductMeansNoPriceAndCloudMapInstancesAreNotAsked() {
        answer(aws, getProducts("AmazonVPC"), null);

        assertThat(source.fetch(PriceKey.of("us-east-1", PriceComponent.PUBLIC_IPV4_HOUR))).isEmpty();
        assertThat(source.fetch(PriceKey.of("us-east-1", PriceComponent.CLOUD_MAP_INSTANCE_MONTH))).isEmpty();
        aws.verify(1, postRequestedFor(urlEqualTo("/")));
    }

    @Test
    void awsErrorsReachTheCallerWithAwsMessage() {
        aws.stubFor(getProducts("AmazonCloudWatch").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody(FakePriceListApi.errorBody("InvalidParameterException", "Invalid filter value"))));

        assertThatThrownBy(() -> source.fetch(PriceKey.of("us-east-1", PriceComponent.LOGS_INGESTED_GB)))
                .isInstanceOfSatisfying(CloudException.class, failure -> {
                    assertThat(failure.errorCode()).isEqualTo("InvalidParameterException");
                    assertThat(failure.providerMessage()).isEqualTo("Invalid filter value");
                });
    }

    @Test
    void regionRefreshAsksForEveryQueryableComponent() {
        answer(aws, getProducts("AmazonECS"), null);
        answer(aws, getProducts("AmazonEC2"), null);
        answer(aws, getProducts("AmazonVPC"), null);
        answer(aws, getProducts("AmazonCloudWatch"), null);
        answer(aws, getProducts("AmazonECR"), null);
        answer(aws, getProducts("AmazonApiGateway"), null);
        answer(aws, getProducts("AmazonRoute53"), null);

        assertThat(source.fetchRegion("ap-south-1", List.of("t4g.nano", "t4g.micro"))).isEmpty();
        // 15 components, Cloud Map instances not asked, EC2 instances once per type: 14 - 1 + 2
        aws.verify(15, postRequestedFor(urlEqualTo("/")));
        aws.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(matchingJsonPath(
                "$.Filters[?(@.Field == 'usagetype' && @.Value == 'APS3-EBS:VolumeUsage.gp3')]")));
    }

    private static com.github.tomakehurst.wiremock.matching.StringValuePattern absent() {
        return com.github.tomakehurst.wiremock.client.WireMock.absent();
    }
}
