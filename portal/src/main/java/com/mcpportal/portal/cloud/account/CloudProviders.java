package com.mcpportal.portal.cloud.account;

import com.mcpportal.portal.cloud.CloudPrices;
import com.mcpportal.portal.cloud.CloudProvider;
import com.mcpportal.portal.cloud.McpMetricsSource;
import com.mcpportal.portal.cloud.aws.AwsClientFactory;
import com.mcpportal.portal.cloud.aws.AwsCloudPrices;
import com.mcpportal.portal.cloud.aws.AwsCloudProvider;
import com.mcpportal.portal.cloud.aws.AwsMcpMetrics;
import com.mcpportal.portal.cloud.simulated.SimulatedCloudPrices;
import com.mcpportal.portal.cloud.simulated.SimulatedCloudProvider;
import com.mcpportal.portal.cloud.simulated.SimulatedMcpMetrics;

import org.springframework.stereotype.Component;

/** Picks the adapters for a cloud account by its mode: the AWS SDK adapters or the simulated ones. */
@Component
public class CloudProviders {

    private final AwsCloudProvider aws;
    private final SimulatedCloudProvider simulated;
    private final AwsClientFactory awsClients;
    private final AwsMcpMetrics awsMetrics;
    private final SimulatedMcpMetrics simulatedMetrics;
    private final AwsCloudPrices awsPrices;
    private final SimulatedCloudPrices simulatedPrices;

    CloudProviders(AwsCloudProvider aws, SimulatedCloudProvider simulated, AwsClientFactory awsClients,
            AwsMcpMetrics awsMetrics, SimulatedMcpMetrics simulatedMetrics, AwsCloudPrices awsPrices,
            SimulatedCloudPrices simulatedPrices) {
        this.aws = aws;
        this.simulated = simulated;
        this.awsClients = awsClients;
        this.awsMetrics = awsMetrics;
        this.simulatedMetrics = simulatedMetrics;
        this.awsPrices = awsPrices;
        this.simulatedPrices = simulatedPrices;
    }

    public CloudProvider forAccount(CloudAccount account) {
        return forMode(account.getMode());
    }

    public CloudProvider forMode(CloudAccountMode mode) {
        return mode == CloudAccountMode.AWS ? aws : simulated;
    }

    /** Where the account's MCP servers' request metrics are read: CloudWatch, or generated figures. */
    public McpMetricsSource metricsFor(CloudAccount account) {
        return account.getMode() == CloudAccountMode.AWS ? awsMetrics : simulatedMetrics;
    }

    /** Where the account's prices are read: AWS's price list and spot market, or none (the bundled snapshot). */
    public CloudPrices pricesFor(CloudAccount account) {
        return account.getMode() == CloudAccountMode.AWS ? awsPrices : simulatedPrices;
    }

    /** Forgets cached SDK clients (credentials, assumed role) of an account whose settings changed. */
    void accountChanged(CloudAccount account) {
        awsClients.evict(String.valueOf(account.getId()));
    }
}
