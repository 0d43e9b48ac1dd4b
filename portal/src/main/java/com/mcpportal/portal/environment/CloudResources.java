package com.mcpportal.portal.environment;

import com.mcpportal.portal.cloud.AccountRoles;
import com.mcpportal.portal.cloud.ImageRef;
import com.mcpportal.portal.cloud.ImageRepository;
import com.mcpportal.portal.cloud.Ingress;
import com.mcpportal.portal.cloud.LogGroup;
import com.mcpportal.portal.cloud.NatInstance;
import com.mcpportal.portal.cloud.Network;
import com.mcpportal.portal.cloud.SecretRef;
import com.mcpportal.portal.cloud.ServiceDiscovery;
import com.mcpportal.portal.cloud.ServiceRef;
import com.mcpportal.portal.cloud.TaskDefinitionRef;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an environment's steps found or created in the cloud (ids, ARNs, the endpoint, the image the task runs with
 * its version and digest; never secret values),
 * stored as JSON on the environment. Later steps read what earlier ones recorded, so an operation resumed after a
 * crash continues where it stopped; deprovision steps clear what they deleted. {@code previous} is the image and
 * revision that ran before the last server update (or roll back), the target of the next "Roll back".
 */
public record CloudResources(AccountRoles roles, Network network, NatInstance nat, ImageRepository repository,
        ImageRef image, LogGroup logGroup, SecretRef apiKeySecret, SecretRef keySetSecret, String cluster,
        TaskDefinitionRef taskDefinition, ServiceDiscovery discovery, ServiceRef service, Ingress ingress,
        Release previous) {

    public static final CloudResources NONE = new CloudResources(null, null, null, null, null, null, null, null, null,
            null, null, null, null, null);

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    static CloudResources fromJson(String json) {
        return json == null || json.isBlank() ? NONE : JSON.readValue(json, CloudResources.class);
    }

    String toJson() {
        return JSON.writeValueAsString(this);
    }

    /** The public MCP URL, once the ingress exists. */
    public String mcpUrl() {
        return ingress == null ? null : ingress.mcpUrl();
    }

    public CloudResources withRoles(AccountRoles value) {
        return new CloudResources(value, network, nat, repository, image, logGroup, apiKeySecret, keySetSecret,
                cluster, taskDefinition, discovery, service, ingress, previous);
    }

    public CloudResources withNetwork(Network value) {
        return new CloudResources(roles, value, nat, repository, image, logGroup, apiKeySecret, keySetSecret, cluster,
                taskDefinition, discovery, service, ingress, previous);
    }

    public CloudResources withNat(NatInstance value) {
        return new CloudResources(roles, network, value, repository, image, logGroup, apiKeySecret, keySetSecret,
                cluster, taskDefinition, discovery, service, ingress, previous);
    }

    public CloudResources withRepository(ImageRepository value) {
        return new CloudResources(roles, network, nat, value, image, logGroup, apiKeySecret, keySetSecret, cluster,
                taskDefinition, discovery, service, ingress, previous);
    }

    public CloudResources withImage(ImageRef value) {
        return new CloudResources(roles, network, nat, repository, value, logGroup, apiKeySecret, keySetSecret,
                cluster, taskDefinition, discovery, service, ingress, previous);
    }

    public CloudResources withLogGroup(LogGroup value) {
        return new CloudResources(roles, network, nat, repository, image, value, apiKeySecret, keySetSecret, cluster,
                taskDefinition, discovery, service, ingress, previous);
    }

    public CloudResources withSecrets(SecretRef apiKey, SecretRef keySet) {
        return new CloudResources(roles, network, nat, repository, image, logGroup, apiKey, keySet, cluster,
                taskDefinition, discovery, service, ingress, previous);
    }

    public CloudResources withCluster(String value) {
        return new CloudResources(roles, network, nat, repository, image, logGroup, apiKeySecret, keySetSecret, value,
                taskDefinition, discovery, service, ingress, previous);
    }

    public CloudResources withTaskDefinition(TaskDefinitionRef value) {
        return new CloudResources(roles, network, nat, repository, image, logGroup, apiKeySecret, keySetSecret,
                cluster, value, discovery, service, ingress, previous);
    }

    public CloudResources withDiscovery(ServiceDiscovery value) {
        return new CloudResources(roles, network, nat, repository, image, logGroup, apiKeySecret, keySetSecret,
                cluster, taskDefinition, value, service, ingress, previous);
    }

    public CloudResources withService(ServiceRef value) {
        return new CloudResources(roles, network, nat, repository, image, logGroup, apiKeySecret, keySetSecret,
                cluster, taskDefinition, discovery, value, ingress, previous);
    }

    /** The release that ran before the current one, for "Roll back"; null forgets it. */
    public CloudResources withPrevious(Release value) {
        return new CloudResources(roles, network, nat, repository, image, logGroup, apiKeySecret, keySetSecret,
                cluster, taskDefinition, discovery, service, ingress, value);
    }

    public CloudResources withIngress(Ingress value) {
        return new CloudResources(roles, network, nat, repository, image, logGroup, apiKeySecret, keySetSecret,
                cluster, taskDefinition, discovery, service, value, previous);
    }
}
