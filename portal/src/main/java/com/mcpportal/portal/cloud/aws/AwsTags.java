package com.mcpportal.portal.cloud.aws;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.SharedNetworkRef;

import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/** The environment's tags in each service's own shape, and EC2 filters that find tagged resources. */
final class AwsTags {

    private AwsTags() {
    }

    static TagSpecification ec2(ResourceType type, EnvironmentRef env, String component) {
        return ec2(type, env.tags(component));
    }

    static TagSpecification ec2(ResourceType type, Map<String, String> tags) {
        return TagSpecification.builder().resourceType(type)
                .tags(tags.entrySet().stream()
                        .map(t -> software.amazon.awssdk.services.ec2.model.Tag.builder().key(t.getKey())
                                .value(t.getValue()).build())
                        .toList())
                .build();
    }

    /** Filters for resources of this environment, optionally of one component. */
    static List<Filter> ec2Filters(EnvironmentRef env, String component) {
        return Owner.of(env).filters(component);
    }

    /**
     * Whose EC2 resources a step looks for and tags: an environment's, or a shared network's (tagged with the
     * network's id instead, so no environment's lookup or deletion ever finds them).
     */
    record Owner(String tagKey, String tagValue, String resourceName, Function<String, Map<String, String>> tags) {

        static Owner of(EnvironmentRef env) {
            return new Owner(EnvironmentRef.TAG_ENVIRONMENT_ID, env.environmentId(), env.resourceName(), env::tags);
        }

        static Owner of(SharedNetworkRef network) {
            return new Owner(SharedNetworkRef.TAG_NETWORK_ID, network.tagValue(), network.resourceName(),
                    network::tags);
        }

        /** Filters for the owner's resources, optionally of one component. */
        List<Filter> filters(String component) {
            Filter byOwner = Filter.builder().name("tag:" + tagKey).values(tagValue).build();
            if (component == null) {
                return List.of(byOwner);
            }
            return List.of(byOwner,
                    Filter.builder().name("tag:" + EnvironmentRef.TAG_COMPONENT).values(component).build());
        }

        TagSpecification ec2(ResourceType type, String component) {
            return AwsTags.ec2(type, tags.apply(component));
        }
    }

    static List<software.amazon.awssdk.services.ecs.model.Tag> ecs(EnvironmentRef env, String component) {
        return entries(env.tags(component)).stream()
                .map(t -> software.amazon.awssdk.services.ecs.model.Tag.builder().key(t.getKey()).value(t.getValue())
                        .build())
                .toList();
    }

    static List<software.amazon.awssdk.services.ecr.model.Tag> ecr(EnvironmentRef env, String component) {
        return entries(env.tags(component)).stream()
                .map(t -> software.amazon.awssdk.services.ecr.model.Tag.builder().key(t.getKey()).value(t.getValue())
                        .build())
                .toList();
    }

    static List<software.amazon.awssdk.services.ssm.model.Tag> ssm(EnvironmentRef env, String component) {
        return entries(env.tags(component)).stream()
                .map(t -> software.amazon.awssdk.services.ssm.model.Tag.builder().key(t.getKey()).value(t.getValue())
                        .build())
                .toList();
    }

    static List<software.amazon.awssdk.services.servicediscovery.model.Tag> cloudMap(EnvironmentRef env,
            String component) {
        return entries(env.tags(component)).stream()
                .map(t -> software.amazon.awssdk.services.servicediscovery.model.Tag.builder().key(t.getKey())
                        .value(t.getValue()).build())
                .toList();
    }

    static List<software.amazon.awssdk.services.iam.model.Tag> iam(Map<String, String> tags) {
        return entries(tags).stream()
                .map(t -> software.amazon.awssdk.services.iam.model.Tag.builder().key(t.getKey()).value(t.getValue())
                        .build())
                .toList();
    }

    private static List<Map.Entry<String, String>> entries(Map<String, String> tags) {
        return List.copyOf(tags.entrySet());
    }
}
