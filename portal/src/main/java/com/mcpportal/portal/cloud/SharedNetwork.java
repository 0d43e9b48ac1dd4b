package com.mcpportal.portal.cloud;

/**
 * The ids of a shared network's own resources, as {@link CloudProvider#ensureSharedNetwork} found or made them: what
 * its environments join ({@link CloudProvider#joinSharedNetwork}) and what only deleting the network removes.
 */
public record SharedNetwork(String vpcId, String vpcCidr, String availabilityZone, String publicSubnetId,
        String internetGatewayId, String publicRouteTableId, NatInstance nat) {
}
