package com.mcpportal.portal.environment;

import java.util.function.Consumer;

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
        return copy(copy -> copy.roles = value);
    }

    public CloudResources withNetwork(Network value) {
        return copy(copy -> copy.network = value);
    }

    public CloudResources withNat(NatInstance value) {
        return copy(copy -> copy.nat = value);
    }

    public CloudResources withRepository(ImageRepository value) {
        return copy(copy -> copy.repository = value);
    }

    public CloudResources withImage(ImageRef value) {
        return copy(copy -> copy.image = value);
    }

    public CloudResources withLogGroup(LogGroup value) {
        return copy(copy -> copy.logGroup = value);
    }

    public CloudResources withSecrets(SecretRef apiKey, SecretRef keySet) {
        return copy(copy -> {
            copy.apiKeySecret = apiKey;
            copy.keySetSecret = keySet;
        });
    }

    public CloudResources withCluster(String value) {
        return copy(copy -> copy.cluster = value);
    }

    public CloudResources withTaskDefinition(TaskDefinitionRef value) {
        return copy(copy -> copy.taskDefinition = value);
    }

    public CloudResources withDiscovery(ServiceDiscovery value) {
        return copy(copy -> copy.discovery = value);
    }

    public CloudResources withService(ServiceRef value) {
        return copy(copy -> copy.service = value);
    }

    public CloudResources withIngress(Ingress value) {
        return copy(copy -> copy.ingress = value);
    }

    /** The release that ran before the current one, for "Roll back"; null forgets it. */
    public CloudResources withPrevious(Release value) {
        return copy(copy -> copy.previous = value);
    }

    /** This record with the fields a wither changes. */
    private CloudResources copy(Consumer<Fields> change) {
        Fields copy = new Fields(this);
        change.accept(copy);
        return new CloudResources(copy.roles, copy.network, copy.nat, copy.repository, copy.image, copy.logGroup,
                copy.apiKeySecret, copy.keySetSecret, copy.cluster, copy.taskDefinition, copy.discovery, copy.service,
                copy.ingress, copy.previous);
    }

    /** The components of a copy while a wither changes one. */
    private static final class Fields {

        private AccountRoles roles;
        private Network network;
        private NatInstance nat;
        private ImageRepository repository;
        private ImageRef image;
        private LogGroup logGroup;
        private SecretRef apiKeySecret;
        private SecretRef keySetSecret;
        private String cluster;
        private TaskDefinitionRef taskDefinition;
        private ServiceDiscovery discovery;
        private ServiceRef service;
        private Ingress ingress;
        private Release previous;

        private Fields(CloudResources from) {
            roles = from.roles;
            network = from.network;
            nat = from.nat;
            repository = from.repository;
            image = from.image;
            logGroup = from.logGroup;
            apiKeySecret = from.apiKeySecret;
            keySetSecret = from.keySetSecret;
            cluster = from.cluster;
            taskDefinition = from.taskDefinition;
            discovery = from.discovery;
            service = from.service;
            ingress = from.ingress;
            previous = from.previous;
        }
    }
}
