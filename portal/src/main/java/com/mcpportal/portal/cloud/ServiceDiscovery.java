package com.mcpportal.portal.cloud;

/** The Cloud Map private DNS namespace and service that the ECS service registers its tasks in. */
public record ServiceDiscovery(String namespaceId, String namespaceName, String serviceId, String serviceArn) {
}
