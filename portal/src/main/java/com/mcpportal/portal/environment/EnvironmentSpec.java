package com.mcpportal.portal.environment;

import java.util.List;

import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.FargateSize;
import com.mcpportal.portal.cloud.ImageRepository;
import com.mcpportal.portal.cloud.NatSpec;

/**
 * What an environment runs, as its provisioning steps and cost estimates need it (no secrets).
 *
 * @param allowedCidrs client networks the MCP server accepts; empty: any
 */
public record EnvironmentSpec(String region, FargateSize size, Architecture architecture, ImageSource imageSource,
        String imageTag, String imageUri, NatSpec nat, boolean fargateSpot, int logRetentionDays,
        List<String> allowedCidrs) {

    public EnvironmentSpec {
        allowedCidrs = allowedCidrs == null ? List.of() : List.copyOf(allowedCidrs);
    }

    /** The NAT instance types an environment may use (the settings form's choices). */
    public static List<String> natInstanceTypes() {
        return EnvironmentRules.NAT_INSTANCE_TYPES;
    }

    /** The image the task runs: the environment's repository with the tag, or the given URI. */
    public String image(ImageRepository repository) {
        if (imageSource == ImageSource.URI) {
            return imageUri;
        }
        if (repository == null) {
            throw new IllegalStateException("The image repository is not provisioned yet");
        }
        return repository.uri() + ":" + imageTag;
    }

    /** How the image is described before provisioning: "own ECR repository, tag latest" or the URI. */
    public String imageDescription() {
        return imageSource == ImageSource.URI ? imageUri : "own ECR repository, tag " + imageTag;
    }
}
