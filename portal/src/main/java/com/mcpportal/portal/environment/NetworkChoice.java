package com.mcpportal.portal.environment;

/** A shared network an environment may be moved into: its id, name and VPC range, for the environment's page. */
public record NetworkChoice(long networkId, String name, String vpcCidr) {
}
