package com.mcpportal.portal.cloud;

/** An environment's ECS service. */
public record ServiceRef(String clusterName, String serviceName, String serviceArn, String taskDefinitionArn,
        int desiredCount) {
}
