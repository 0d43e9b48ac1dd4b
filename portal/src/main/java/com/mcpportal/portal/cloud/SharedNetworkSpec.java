package com.mcpportal.portal.cloud;

/**
 * The shared part of a network to lay out: the VPC range, its public subnet (the NAT instance's) and an optional
 * availability zone (empty: the region's first available one). One zone and one NAT instance in this slice.
 */
public record SharedNetworkSpec(String vpcCidr, String publicSubnetCidr, String availabilityZone) {
}
