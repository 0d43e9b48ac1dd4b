package com.mcpportal.portal.cloud;

/**
 * The network to lay out: VPC and subnet ranges, an optional availability zone (empty: the
 * region's first available one), and the port the MCP server listens on inside the VPC.
 */
public record NetworkSpec(String vpcCidr, String publicSubnetCidr, String privateSubnetCidr,
        String availabilityZone, int containerPort) {

    /** 10.0.0.0/16 with a /24 public and a /24 private subnet, server on port 8080. */
    public static NetworkSpec defaults() {
        return new NetworkSpec("10.0.0.0/16", "10.0.0.0/24", "10.0.1.0/24", null, 8080);
    }
}
