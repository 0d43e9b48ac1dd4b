package com.mcpportal.portal.environment;

import com.mcpportal.portal.cloud.CloudTarget;
import com.mcpportal.portal.cloud.SharedNetworkRef;
import com.mcpportal.portal.cloud.SharedNetworkSpec;

/**
 * Where an environment in a shared network runs: the network (id, name, VPC range, the public subnet's range) and the
 * private subnet range the network allocated to this environment, recorded so every retry asks for the same one. In a
 * network of two zones also the second zone's public subnet range and this environment's second private range.
 *
 * @param secondPublicSubnetCidr  the second zone's public subnet, or null for one zone
 * @param secondPrivateSubnetCidr this environment's subnet in the second zone, or null (one zone, or none free)
 * @param natPerZone              the network runs a NAT instance in each of its two zones
 */
public record SharedNetworkPlacement(long networkId, String networkName, String vpcCidr, String publicSubnetCidr,
        String privateSubnetCidr, String secondPublicSubnetCidr, String secondPrivateSubnetCidr, boolean natPerZone) {

    /** One NAT instance for the network's zones. */
    public SharedNetworkPlacement(long networkId, String networkName, String vpcCidr, String publicSubnetCidr,
            String privateSubnetCidr, String secondPublicSubnetCidr, String secondPrivateSubnetCidr) {
        this(networkId, networkName, vpcCidr, publicSubnetCidr, privateSubnetCidr, secondPublicSubnetCidr,
                secondPrivateSubnetCidr, false);
    }

    /** One zone. */
    public SharedNetworkPlacement(long networkId, String networkName, String vpcCidr, String publicSubnetCidr,
            String privateSubnetCidr) {
        this(networkId, networkName, vpcCidr, publicSubnetCidr, privateSubnetCidr, null, null, false);
    }

    /** The network in the cloud: same account and region as the environment. */
    public SharedNetworkRef ref(CloudTarget target) {
        return new SharedNetworkRef(target, networkId, networkName);
    }

    /**
     * The shared part to lay out: the region's first available zone, and the next one for a network of two (with its
     * own NAT instance when one per zone is asked for).
     */
    public SharedNetworkSpec spec() {
        return new SharedNetworkSpec(vpcCidr, publicSubnetCidr, null, secondPublicSubnetCidr, natPerZone);
    }
}
