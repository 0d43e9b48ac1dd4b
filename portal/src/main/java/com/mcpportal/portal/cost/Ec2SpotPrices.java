package com.mcpportal.portal.cost;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeSpotPriceHistoryRequest;
import software.amazon.awssdk.services.ec2.model.SpotPrice;

/**
 * Reads EC2 DescribeSpotPriceHistory with a start time of now, which AWS answers with the current price in
 * each availability zone. The highest is taken: the environment's zone is not known here, and an estimate
 * that errs high does not disappoint.
 */
public final class Ec2SpotPrices implements SpotPrices {

    private final Clock clock;

    public Ec2SpotPrices(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<BigDecimal> latestLinuxSpotPrice(Ec2Client ec2, String instanceType) {
        DescribeSpotPriceHistoryRequest request = DescribeSpotPriceHistoryRequest.builder()
                .instanceTypesWithStrings(instanceType)
                .productDescriptions("Linux/UNIX")
                .startTime(clock.instant())
                .build();
        return ec2.describeSpotPriceHistory(request).spotPriceHistory().stream()
                .map(SpotPrice::spotPrice)
                .map(BigDecimal::new)
                .max(BigDecimal::compareTo);
    }
}
