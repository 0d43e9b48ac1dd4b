package com.mcpportal.portal.cloud;

/**
 * The ids of a shared network's own resources, as {@link CloudProvider#ensureSharedNetwork} found or made them: what
 * its environments join ({@link CloudProvider#joinSharedNetwork}) and what only deleting the network removes.
 *
 * @param secondAvailabilityZone the second zone of a network of two, or null
 * @param secondPublicSubnetId   its public subnet, or null
 * @param secondNat              the NAT instance in the second zone's public subnet (a network asked for one per
 *                               zone), which the second zone's private subnets route to; null: {@code nat} serves both
 */
public record SharedNetwork(String vpcId, String vpcCidr, String availabilityZone, String publicSubnetId,
        String internetGatewayId, String publicRouteTableId, NatInstance nat, String secondAvailabilityZone,
        String secondPublicSubnetId, NatInstance secondNat) {

    /** One zone. */
    public SharedNetwork(String vpcId, String vpcCidr, String availabilityZone, String publicSubnetId,
            String internetGatewayId, String publicRouteTableId, NatInstance nat) {
        this(vpcId, vpcCidr, availabilityZone, publicSubnetId, internetGatewayId, publicRouteTableId, nat, null, null,
                null);
    }

    /** The NAT instance the second zone's private subnets route to: its own, or the one both share. */
    public NatInstance secondZoneNat() {
        return secondNat != null ? secondNat : nat;
    }
}
