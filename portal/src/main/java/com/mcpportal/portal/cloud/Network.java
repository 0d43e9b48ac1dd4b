package com.mcpportal.portal.cloud;

import java.util.List;

/**
 * The ids of an environment's network, as {@link CloudProvider#ensureNetwork} found or made them.
 *
 * @param privateSubnetIds every private subnet of the environment, one per availability zone, the first being
 *                         {@code privateSubnetId}: the service's tasks and the VPC link span them all (a network stored
 *                         before there could be two reads as its one)
 */
public record Network(String vpcId, String vpcCidr, String availabilityZone, String publicSubnetId,
        String privateSubnetId, String internetGatewayId, String publicRouteTableId, String privateRouteTableId,
        String serviceSecurityGroupId, int containerPort, List<String> privateSubnetIds) {

    public Network {
        privateSubnetIds = privateSubnetIds != null && !privateSubnetIds.isEmpty() ? List.copyOf(privateSubnetIds)
                : privateSubnetId == null ? List.of() : List.of(privateSubnetId);
    }

    /** One availability zone: the private subnet is the only one. */
    public Network(String vpcId, String vpcCidr, String availabilityZone, String publicSubnetId, String privateSubnetId,
            String internetGatewayId, String publicRouteTableId, String privateRouteTableId,
            String serviceSecurityGroupId, int containerPort) {
        this(vpcId, vpcCidr, availabilityZone, publicSubnetId, privateSubnetId, internetGatewayId, publicRouteTableId,
                privateRouteTableId, serviceSecurityGroupId, containerPort, null);
    }
}
