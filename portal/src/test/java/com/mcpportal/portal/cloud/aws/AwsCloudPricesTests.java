package com.mcpportal.portal.cloud.aws;

import static com.mcpportal.portal.cloud.aws.fake.AwsFake.ec2;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.ec2Error;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.ec2Ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.CloudPrices;
import com.mcpportal.portal.cloud.aws.fake.AwsFake;

/**
 * Spot prices through the cloud port: EC2 DescribeSpotPriceHistory as SDK 2.40's EC2 client sends it (Query protocol,
 * XML answers). The price list's requests are in {@code cost.PricingApiPriceSourceTests}.
 */
class AwsCloudPricesTests {

    @RegisterExtension
    final AwsFake fake = AwsFake.withEmptyAccount();

    private CloudPrices.Reader open() {
        return new AwsCloudPrices(fake.clientFactory(fake.settings())).open(AwsFake.target(), "us-east-1", null);
    }

    private static String item(String zone, String price) {
        return "<item><instanceType>t4g.nano</instanceType><productDescription>Linux/UNIX</productDescription>"
                + "<spotPrice>" + price + "</spotPrice><timestamp>2026-11-25T02:40:00.000Z</timestamp>"
                + "<availabilityZone>" + zone + "</availabilityZone></item>";
    }

    @Test
    void asksForLinuxSpotPricesInForceAtTheGivenTimeAndAnswersOnePerZone() {
        fake.answer(ec2("DescribeSpotPriceHistory"), ec2Ok("DescribeSpotPriceHistory", "<spotPriceHistorySet>"
                + item("eu-central-1a", "0.001600") + item("eu-central-1b", "0.001900")
                + item("eu-central-1c", "0.001700") + "</spotPriceHistorySet><nextToken/>"));

        try (CloudPrices.Reader prices = open()) {
            assertThat(prices.spotPrices("t4g.nano", Instant.parse("2026-11-25T03:00:00Z")))
                    .containsExactly(new BigDecimal("0.001600"), new BigDecimal("0.001900"),
                            new BigDecimal("0.001700"));
        }
        assertThat(fake.onlyCall("ec2:DescribeSpotPriceHistory").form())
                .containsEntry("InstanceType.1", "t4g.nano")
                .containsEntry("ProductDescription.1", "Linux/UNIX")
                .containsEntry("StartTime", "2026-11-25T03:00:00Z");
    }

    @Test
    void noHistoryMeansNoPrice() {
        fake.answer(ec2("DescribeSpotPriceHistory"), ec2Ok("DescribeSpotPriceHistory", "<spotPriceHistorySet/>"));

        try (CloudPrices.Reader prices = open()) {
            assertThat(prices.spotPrices("t4g.nano", Instant.parse("2026-11-25T03:00:00Z"))).isEmpty();
        }
    }

    @Test
    void awsRefusalsReachTheCallerAsCloudExceptionsWithAwsCodeAndMessage() {
        fake.answer(ec2("DescribeSpotPriceHistory"), ec2Error(403, "UnauthorizedOperation",
                "You are not authorized to perform this operation."));

        try (CloudPrices.Reader prices = open()) {
            assertThatThrownBy(() -> prices.spotPrices("t4g.nano", Instant.parse("2026-11-25T03:00:00Z")))
                    .isInstanceOfSatisfying(CloudException.class, failure -> {
                        assertThat(failure.kind()).isEqualTo(CloudErrorKind.ACCESS_DENIED);
                        assertThat(failure.errorCode()).isEqualTo("UnauthorizedOperation");
                        assertThat(failure.providerMessage()).isEqualTo("You are not authorized to perform this operation.");
                    });
        }
    }
}
