package com.mcpportal.portal.cloud;

/** The ids of an environment's network, as {@link CloudProvider#ensureNetwork} found or made them. */
public record Network(String vpcId, String vpcCidr, String availabilityZone, String publicSubnetId,
        String privateSubnetId, String internetGatewayId, String publicRouteTableId, String privateRouteTableId,
        String serviceSecurityGroupId, int containerPort) {
}
