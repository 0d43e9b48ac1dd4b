package com.mcpportal.portal.cost;

import java.math.BigDecimal;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** Current EC2 spot prices; spot is not in the Pricing API. The cloud adapter supplies a client for the environment's region. */
public interface SpotPrices {

    /** The latest Linux/UNIX spot price per hour in the client's region (the highest across its zones), or empty. */
    Optional<BigDecimal> latestLinuxSpotPrice(Ec2Client ec2, String instanceType);
}
