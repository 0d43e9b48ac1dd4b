package com.mcpportal.portal.cloud;

/**
 * The ECS service to run: cluster, task definition, where (private subnet, no public IP), the
 * desired count on creation, Fargate or Fargate Spot, and the Cloud Map registration.
 */
public record ServiceSpec(String clusterName, TaskDefinitionRef taskDefinition, Network network,
        ServiceDiscovery discovery, int desiredCount, boolean fargateSpot) {
}
