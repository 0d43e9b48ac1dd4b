package com.mcpportal.portal.cost;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** DescribeSpotPriceHistory against a loopback fake speaking EC2's Query/XML protocol. */
class Ec2SpotPricesTests {

    private final WireMockServer aws = new WireMockServer(options().dynamicPort());
    private Ec2Client ec2;

    @BeforeEach
    void start() {
        aws.start();
        ec2 = Ec2Client.builder().region(Region.EU_CENTRAL_1).endpointOverride(URI.create(aws.baseUrl()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "not-a-secret")))
                .build();
    }

    @AfterEach
    void stop() {
        ec2.close();
        aws.stop();
    }

    private void answer(String items) {
        aws.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=DescribeSpotPriceHistory"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml;charset=UTF-8").withBody("""
                        <?xml version="1.0" encoding="UTF-8"?>
                        <DescribeSpotPriceHistoryResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
                            <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>
                            <spotPriceHistorySet>%s</spotPriceHistorySet>
                            <nextToken/>
                        </DescribeSpotPriceHistoryResponse>
                        """.formatted(items))));
    }

    private static String item(String zone, String price) {
        return "<item><instanceType>t4g.nano</instanceType><productDescription>Linux/UNIX</productDescription>"
                + "<spotPrice>" + price + "</spotPrice><timestamp>2026-11-25T02:40:00.000Z</timestamp>"
                + "<availabilityZone>" + zone + "</availabilityZone></item>";
    }

    @Test
    void takesTheHighestCurrentPriceAcrossZones() {
        answer(item("eu-central-1a", "0.001600") + item("eu-central-1b", "0.001900") + item("eu-central-1c", "0.001700"));

        var price = new Ec2SpotPrices(Clock.fixed(Instant.parse("2026-11-25T03:00:00Z"), ZoneOffset.UTC))
                .latestLinuxSpotPrice(ec2, "t4g.nano");

        assertThat(price).hasValue(new BigDecimal("0.001900"));
        aws.verify(postRequestedFor(urlEqualTo("/"))
                .withRequestBody(containing("InstanceType.1=t4g.nano"))
                .withRequestBody(containing("ProductDescription.1=Linux%2FUNIX"))
                .withRequestBody(containing("StartTime=2026-11-25T03%3A00%3A00Z")));
    }

    @Test
    void noHistoryMeansNoPrice() {
        answer("");

        assertThat(new Ec2SpotPrices(Clock.systemUTC()).latestLinuxSpotPrice(ec2, "t4g.nano")).isEmpty();
    }
}
