package com.mcpportal.portal.environment;

import java.time.Instant;
import java.util.List;

import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.ImageRef;

/**
 * An environment as the REST API returns it: its settings, state and endpoint. Never the ElevenLabs key (only
 * when it was last set).
 *
 * @param image   the image its task definition names, once provisioning has settled it: reference, tag, digest, and
 *                the MCP server's version and commit when the portal published it
 * @param failure the failed step and the cloud's message while the environment is FAILED, else null
 */
record EnvironmentApiView(long id, long teamId, String name, EnvironmentState state, EnvironmentPower power,
        long cloudAccountId, String region, int cpu, int memoryMiB, Architecture architecture, ImageSource imageSource,
        String imageTag, String imageUri, String natInstanceType, boolean natSpot, boolean fargateSpot,
        int logRetentionDays, List<String> allowedCidrs, Instant elevenLabsApiKeyUpdatedAt, String mcpUrl,
        ImageRef image, Failure failure, Instant createdAt, Instant updatedAt) {

    /** Why the last operation failed. */
    record Failure(String step, String code, String message) {
    }

    static EnvironmentApiView of(Environment environment) {
        Failure failure = environment.getState() == EnvironmentState.FAILED ? new Failure(environment.getFailedStep(),
                environment.getFailureCode(), environment.getFailureMessage()) : null;
        return new EnvironmentApiView(environment.getId(), environment.getTeamId(), environment.getName(),
                environment.getState(), environment.getPower(), environment.getCloudAccountId(),
                environment.getRegion(), environment.getSize().cpu(), environment.getSize().memoryMiB(),
                environment.getArchitecture(), environment.getImageSource(), environment.getImageTag(),
                environment.getImageUri(), environment.getNatInstanceType(), environment.isNatSpot(),
                environment.isFargateSpot(), environment.getLogRetentionDays(), environment.cidrs(),
                environment.getElevenLabsKeyUpdatedAt(), environment.resources().mcpUrl(),
                environment.resources().image(), failure,
                environment.getCreatedAt(), environment.getUpdatedAt());
    }
}
