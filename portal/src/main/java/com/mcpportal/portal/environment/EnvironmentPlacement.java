package com.mcpportal.portal.environment;

/** Where an environment runs, and its NAT instance type: what prices it needs. */
public record EnvironmentPlacement(long cloudAccountId, String region, String natInstanceType) {
}
