package com.mcpportal.portal.environment;

import java.util.List;

import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.FargateSize;
import com.mcpportal.portal.cloud.ImageRepository;
import com.mcpportal.portal.cloud.NatSpec;
import com.mcpportal.portal.cloud.TaskRange;

/**
 * What an environment runs, as its provisioning steps and cost estimates need it (no secrets).
 *
 * @param allowedCidrs client networks the MCP server accepts; empty: any
 * @param autoscaling  CPU autoscaling while on (min..max tasks around a CPU target); null: one task while on
 */
public record EnvironmentSpec(String region, FargateSize size, Architecture architecture, ImageSource imageSource,
        String imageTag, String imageUri, NatSpec nat, boolean fargateSpot, int logRetentionDays,
        List<String> allowedCidrs, TaskRange autoscaling) {

    /** One task while on. */
    public EnvironmentSpec(String region, FargateSize size, Architecture architecture, ImageSource imageSource,
            String imageTag, String imageUri, NatSpec nat, boolean fargateSpot, int logRetentionDays,
            List<String> allowedCidrs) {
        this(region, size, architecture, imageSource, imageTag, imageUri, nat, fargateSpot, logRetentionDays,
                allowedCidrs, null);
    }

    /** The fewest tasks that run while on. */
    public int minTasks() {
        return autoscaling == null ? 1 : autoscaling.minTasks();
    }

    /** The most tasks that may run while on. */
    public int maxTasks() {
        return autoscaling == null ? 1 : autoscaling.maxTasks();
    }

    static final String PUBLISHED_DESCRIPTION = "MCP server published by the portal";

    public EnvironmentSpec {
        allowedCidrs = allowedCidrs == null ? List.of() : List.copyOf(allowedCidrs);
    }

    /** The NAT instance types an environment may use (the settings form's choices). */
    public static List<String> natInstanceTypes() {
        return EnvironmentRules.NAT_INSTANCE_TYPES;
    }

    /**
     * A team's own image: the environment's repository with the tag, or the given URI. (The image the portal
     * publishes is known only once published: provisioning records it in {@link CloudResources#image()}.)
     */
    public String image(ImageRepository repository) {
        if (imageSource == ImageSource.PUBLISHED) {
            throw new IllegalStateException("The published image is recorded by provisioning, not set in advance");
        }
        if (imageSource == ImageSource.URI) {
            return imageUri;
        }
        if (repository == null) {
            throw new IllegalStateException("The image repository is not provisioned yet");
        }
        return repository.uri() + ":" + imageTag;
    }

    /** How the image is described before provisioning: the published server, "own ECR repository, tag 1.4" or the URI. */
    public String imageDescription() {
        return describeImage(imageSource, imageTag, imageUri);
    }

    static String describeImage(ImageSource source, String tag, String uri) {
        return switch (source) {
            case PUBLISHED -> PUBLISHED_DESCRIPTION;
            case REPOSITORY -> "own ECR repository, tag " + tag;
            case URI -> uri;
        };
    }

}
