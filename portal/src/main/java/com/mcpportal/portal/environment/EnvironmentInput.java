package com.mcpportal.portal.environment;

import java.util.List;

import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.FargateSize;

/**
 * What a team member enters to create or change an environment.
 *
 * @param elevenLabsApiKey the ElevenLabs key, write-only: on a change, null or blank keeps the stored one
 */
public record EnvironmentInput(String name, long cloudAccountId, String region, FargateSize size,
        Architecture architecture, ImageSource imageSource, String imageTag, String imageUri, String natInstanceType,
        boolean natSpot, boolean fargateSpot, int logRetentionDays, List<String> allowedCidrs,
        String elevenLabsApiKey) {

    public EnvironmentInput {
        name = name == null ? null : name.trim();
        region = region == null ? null : region.trim();
        imageTag = imageTag == null || imageTag.isBlank() ? null : imageTag.trim();
        imageUri = imageUri == null || imageUri.isBlank() ? null : imageUri.trim();
        allowedCidrs = allowedCidrs == null ? List.of() : List.copyOf(allowedCidrs);
        elevenLabsApiKey = elevenLabsApiKey == null || elevenLabsApiKey.isBlank() ? null : elevenLabsApiKey.trim();
    }

    /** Everything but the key, for log-safe comparisons and audit details. */
    @Override
    public String toString() {
        return "EnvironmentInput[" + name + ", account " + cloudAccountId + ", " + region + ", " + size + ", "
                + architecture + ", " + imageSource + ", nat " + natInstanceType + ", key "
                + (elevenLabsApiKey == null ? "unchanged" : "given") + "]";
    }
}
