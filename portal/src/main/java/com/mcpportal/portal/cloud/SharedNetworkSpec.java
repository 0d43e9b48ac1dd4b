package com.mcpportal.portal.cloud;

/**
 * The shared part of a network to lay out: the VPC range, its public subnet (the NAT instance's) and an optional
 * availability zone (empty: the region's first available one); with two zones, the second zone's public subnet range
 * (the next available zone). One NAT instance, in the first zone, serves both.
 *
 * @param secondPublicSubnetCidr the second zone's public subnet, or null for a network of one zone
 */
public record SharedNetworkSpec(String vpcCidr, String publicSubnetCidr, String availabilityZone,
        String secondPublicSubnetCidr) {

    /** One zone. */
    public SharedNetworkSpec(String vpcCidr, String publicSubnetCidr, String availabilityZone) {
        this(vpcCidr, publicSubnetCidr, availabilityZone, null);
    }
}
