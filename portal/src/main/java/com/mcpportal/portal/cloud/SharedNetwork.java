package com.mcpportal.portal.cloud;

/**
 * The ids of a shared network's own resources, as {@link CloudProvider#ensureSharedNetwork} found or made them: what
 * its environments join ({@link CloudProvider#joinSharedNetwork}) and what only deleting the network removes.
 *
 * @param secondAvailabilityZone the second zone of a network of two, or null
 * @param secondPublicSubnetId   its public subnet, or null
 */
public record SharedNetwork(String vpcId, String vpcCidr, String availabilityZone, String publicSubnetId,
        String internetGatewayId, String publicRouteTableId, NatInstance nat, String secondAvailabilityZone,
        String secondPublicSubnetId) {

    /** One zone. */
    public SharedNetwork(String vpcId, String vpcCidr, String availabilityZone, String publicSubnetId,
            String internetGatewayId, String publicRouteTableId, NatInstance nat) {
        this(vpcId, vpcCidr, availabilityZone, publicSubnetId, internetGatewayId, publicRouteTableId, nat, null, null);
    }
}
