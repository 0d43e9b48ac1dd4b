package com.mcpportal.portal.cloud;

/** An environment's NAT instance: ids, its network interface (the private route's target) and state. */
public record NatInstance(String instanceId, String networkInterfaceId, String securityGroupId, String imageId,
        String instanceType, NatState state, String publicIp) {
}
