package com.mcpportal.portal.cloud;

/**
 * The shared part of a network to lay out: the VPC range, its public subnet (the NAT instance's) and an optional
 * availability zone (empty: the region's first available one); with two zones, the second zone's public subnet range
 * (the next available zone). One NAT instance, in the first zone, serves both, unless one per zone is asked for.
 *
 * @param secondPublicSubnetCidr the second zone's public subnet, or null for a network of one zone
 * @param natPerZone             a second NAT instance in the second zone's public subnet, its private subnets routed to
 *                               it (availability over cost); ignored for one zone
 */
public record SharedNetworkSpec(String vpcCidr, String publicSubnetCidr, String availabilityZone,
        String secondPublicSubnetCidr, boolean natPerZone) {

    /** One zone. */
    public SharedNetworkSpec(String vpcCidr, String publicSubnetCidr, String availabilityZone) {
        this(vpcCidr, publicSubnetCidr, availabilityZone, null, false);
    }

    /** Two zones (when {@code secondPublicSubnetCidr} is given) with one NAT instance for both. */
    public SharedNetworkSpec(String vpcCidr, String publicSubnetCidr, String availabilityZone,
            String secondPublicSubnetCidr) {
        this(vpcCidr, publicSubnetCidr, availabilityZone, secondPublicSubnetCidr, false);
    }

    /** Whether the network runs a NAT instance in its second zone too. */
    public boolean secondNat() {
        return natPerZone && secondPublicSubnetCidr != null;
    }
}
