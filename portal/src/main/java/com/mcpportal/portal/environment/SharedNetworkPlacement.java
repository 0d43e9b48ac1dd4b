package com.mcpportal.portal.environment;

import com.mcpportal.portal.cloud.CloudTarget;
import com.mcpportal.portal.cloud.SharedNetworkRef;
import com.mcpportal.portal.cloud.SharedNetworkSpec;

/**
 * Where an environment in a shared network runs: the network (id, name, VPC range, the public subnet's range) and the
 * private subnet range the network allocated to this environment, recorded so every retry asks for the same one.
 */
public record SharedNetworkPlacement(long networkId, String networkName, String vpcCidr, String publicSubnetCidr,
        String privateSubnetCidr) {

    /** The network in the cloud: same account and region as the environment. */
    public SharedNetworkRef ref(CloudTarget target) {
        return new SharedNetworkRef(target, networkId, networkName);
    }

    /** The shared part to lay out: one zone, the region's first available one. */
    public SharedNetworkSpec spec() {
        return new SharedNetworkSpec(vpcCidr, publicSubnetCidr, null);
    }
}
