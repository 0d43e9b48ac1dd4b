package com.mcpportal.portal.cloud;

/** What an environment actually runs right now, for drift checks: NAT power state and service counts. */
public record ActualState(NatState nat, ServiceCounts service) {
}
