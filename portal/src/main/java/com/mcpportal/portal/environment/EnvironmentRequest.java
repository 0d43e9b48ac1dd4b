package com.mcpportal.portal.environment;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.FargateSize;
import com.mcpportal.portal.cloud.NatSpec;
import com.mcpportal.portal.web.InvalidFieldsException;

/**
 * The JSON body that creates (POST), replaces (PUT) or changes (PATCH) an environment. On POST a missing field
 * takes the same default as the page's form; on PATCH it keeps the current value; PUT needs every field.
 * The ElevenLabs key is write-only: accepted here, never returned; left out (or null) it stays as it is.
 */
record EnvironmentRequest(
        @Schema(example = "production") String name,
        @Schema(description = "Cloud account id; default: the simulated account") Long cloudAccountId,
        @Schema(example = "eu-central-1") String region,
        @Schema(description = "Fargate CPU units (1024 = 1 vCPU)", example = "256") Integer cpu,
        @Schema(example = "512") Integer memoryMiB,
        Architecture architecture,
        @Schema(description = "PUBLISHED (default): the MCP server this portal carries, published into the"
                + " environment's ECR repository; REPOSITORY: your tag in that repository; URI: any image")
        ImageSource imageSource,
        @Schema(description = "Image tag in the environment's own repository (imageSource REPOSITORY; tags are"
                + " immutable there, default latest)", example = "1.4.0") String imageTag,
        @Schema(description = "Image URI (imageSource URI)") String imageUri,
        @Schema(example = "t4g.nano") String natInstanceType,
        Boolean natSpot,
        Boolean fargateSpot,
        @Schema(example = "7") Integer logRetentionDays,
        @Schema(description = "CIDR blocks allowed to reach the MCP endpoint; empty: everyone")
        List<String> allowedCidrs,
        @Schema(description = "ElevenLabs API key, write-only (never returned)", accessMode = Schema.AccessMode.WRITE_ONLY)
        String elevenLabsApiKey) {

    /** POST: defaults for what is missing (the cheapest working layout, as on the page). */
    EnvironmentInput withDefaults(Long defaultAccountId, String defaultRegion) {
        NatSpec nat = NatSpec.defaults();
        return new EnvironmentInput(name, or(cloudAccountId, defaultAccountId == null ? 0 : defaultAccountId),
                or(region, defaultRegion), size(or(cpu, FargateSize.DEFAULT.cpu()),
                or(memoryMiB, FargateSize.DEFAULT.memoryMiB())), or(architecture, Architecture.ARM64),
                or(imageSource, ImageSource.PUBLISHED), imageSource == ImageSource.REPOSITORY ? or(imageTag, "latest")
                : imageTag, imageUri, or(natInstanceType, nat.instanceType()), or(natSpot, nat.spot()),
                or(fargateSpot, false), or(logRetentionDays, 7), or(allowedCidrs, List.of()), elevenLabsApiKey);
    }

    /** PATCH: the current settings for what is missing. */
    EnvironmentInput over(Environment current) {
        return new EnvironmentInput(or(name, current.getName()), or(cloudAccountId, current.getCloudAccountId()),
                or(region, current.getRegion()), size(or(cpu, current.getSize().cpu()),
                or(memoryMiB, current.getSize().memoryMiB())), or(architecture, current.getArchitecture()),
                or(imageSource, current.getImageSource()), or(imageTag, current.getImageTag()),
                or(imageUri, current.getImageUri()), or(natInstanceType, current.getNatInstanceType()),
                or(natSpot, current.isNatSpot()), or(fargateSpot, current.isFargateSpot()),
                or(logRetentionDays, current.getLogRetentionDays()), or(allowedCidrs, current.cidrs()),
                elevenLabsApiKey);
    }

    /** PUT: every setting given (the key may still be left out to keep it). */
    EnvironmentInput complete() {
        List<InvalidFieldsException.FieldMessage> missing = new ArrayList<>();
        require(missing, "name", name);
        require(missing, "cloudAccountId", cloudAccountId);
        require(missing, "region", region);
        require(missing, "cpu", cpu);
        require(missing, "memoryMiB", memoryMiB);
        require(missing, "architecture", architecture);
        require(missing, "imageSource", imageSource);
        require(missing, "natInstanceType", natInstanceType);
        require(missing, "natSpot", natSpot);
        require(missing, "fargateSpot", fargateSpot);
        require(missing, "logRetentionDays", logRetentionDays);
        require(missing, "allowedCidrs", allowedCidrs);
        if (!missing.isEmpty()) {
            throw new InvalidFieldsException("PUT replaces every setting: " + missing.size()
                    + (missing.size() == 1 ? " field is" : " fields are") + " missing (use PATCH to change some).",
                    missing);
        }
        return new EnvironmentInput(name, cloudAccountId, region, size(cpu, memoryMiB), architecture, imageSource,
                imageTag, imageUri, natInstanceType, natSpot, fargateSpot, logRetentionDays, allowedCidrs,
                elevenLabsApiKey);
    }

    private static FargateSize size(int cpu, int memoryMiB) {
        return new FargateSize(cpu, memoryMiB);
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static void require(List<InvalidFieldsException.FieldMessage> missing, String field, Object value) {
        if (value == null) {
            missing.add(new InvalidFieldsException.FieldMessage(field, "Give " + field + "."));
        }
    }

    /** Never the key, should a request end up in a log line. */
    @Override
    public String toString() {
        return "EnvironmentRequest[" + name + ", key " + (elevenLabsApiKey == null ? "unchanged" : "given") + "]";
    }
}
