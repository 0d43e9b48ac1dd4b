package com.mcpportal.portal.cloud.aws;

import java.util.List;
import java.util.Map;

import com.mcpportal.portal.cloud.EnvironmentRef;

import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/** The environment's tags in each service's own shape, and EC2 filters that find tagged resources. */
final class AwsTags {

    private AwsTags() {
    }

    static TagSpecification ec2(ResourceType type, EnvironmentRef env, String component) {
        return TagSpecification.builder().resourceType(type)
                .tags(env.tags(component).entrySet().stream()
                        .map(t -> software.amazon.awssdk.services.ec2.model.Tag.builder().key(t.getKey())
                                .value(t.getValue()).build())
                        .toList())
                .build();
    }

    /** Filters for resources of this environment, optionally of one component. */
    static List<Filter> ec2Filters(EnvironmentRef env, String component) {
        Filter byEnvironment = Filter.builder().name("tag:" + EnvironmentRef.TAG_ENVIRONMENT_ID)
                .values(env.environmentId()).build();
        if (component == null) {
            return List.of(byEnvironment);
        }
        return List.of(byEnvironment,
                Filter.builder().name("tag:" + EnvironmentRef.TAG_COMPONENT).values(component).build());
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
