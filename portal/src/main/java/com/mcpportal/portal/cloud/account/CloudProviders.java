package com.mcpportal.portal.cloud.account;

import com.mcpportal.portal.cloud.CloudProvider;
import com.mcpportal.portal.cloud.aws.AwsClientFactory;
import com.mcpportal.portal.cloud.aws.AwsCloudProvider;
import com.mcpportal.portal.cloud.simulated.SimulatedCloudProvider;

import org.springframework.stereotype.Component;

/** Picks the adapter for a cloud account by its mode: the AWS SDK adapter or the simulated one. */
@Component
public class CloudProviders {

    private final AwsCloudProvider aws;
    private final SimulatedCloudProvider simulated;
    private final AwsClientFactory awsClients;

    CloudProviders(AwsCloudProvider aws, SimulatedCloudProvider simulated, AwsClientFactory awsClients) {
        this.aws = aws;
        this.simulated = simulated;
        this.awsClients = awsClients;
    }

    public CloudProvider forAccount(CloudAccount account) {
        return forMode(account.getMode());
    }

    public CloudProvider forMode(CloudAccountMode mode) {
        return mode == CloudAccountMode.AWS ? aws : simulated;
    }

    /** Forgets cached SDK clients (credentials, assumed role) of an account whose settings changed. */
    void accountChanged(CloudAccount account) {
        awsClients.evict(String.valueOf(account.getId()));
    }
}
