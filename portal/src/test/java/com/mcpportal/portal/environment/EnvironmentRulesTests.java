package com.mcpportal.portal.environment;

import java.util.List;

import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.FargateSize;
import com.mcpportal.portal.web.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What an environment may be set to; each refusal names the field it belongs beside. */
class EnvironmentRulesTests {

    private static EnvironmentInput input(String name, FargateSize size, Architecture architecture,
            boolean fargateSpot, ImageSource source, String tag, String uri, int retention, String key) {
        return new EnvironmentInput(name, 1, "eu-central-1", size, architecture, source, tag, uri, "t4g.nano", false,
                fargateSpot, retention, List.of(), key);
    }

    private static EnvironmentInput valid() {
        return input("prod", FargateSize.DEFAULT, Architecture.ARM64, false, ImageSource.REPOSITORY, "latest", null,
                7, "xi-1234567890");
    }

    @Test
    void theDefaultsAreValid() {
        assertThatCode(() -> EnvironmentRules.validate(valid(), true)).doesNotThrowAnyException();
    }

    @Test
    void fargateSpotRunsEitherArchitecture() {
        // ECS runs ARM64 tasks on Fargate Spot on platform version 1.4.0 or later (the service asks for LATEST).
        assertThatCode(() -> EnvironmentRules.validate(input("prod", FargateSize.DEFAULT, Architecture.ARM64, true,
                ImageSource.REPOSITORY, "latest", null, 7, "xi-1234567890"), true)).doesNotThrowAnyException();
        assertThatCode(() -> EnvironmentRules.validate(input("prod", FargateSize.DEFAULT, Architecture.X86_64, true,
                ImageSource.REPOSITORY, "latest", null, 7, "xi-1234567890"), true)).doesNotThrowAnyException();
    }

    @Test
    void onlyFargateSizesAndCloudWatchRetentionsAreAccepted() {
        assertRejected(input("prod", new FargateSize(256, 4096), Architecture.ARM64, false, ImageSource.REPOSITORY,
                "latest", null, 7, "xi-1234567890"), "size", "does not fit 0.25 vCPU");
        assertRejected(input("prod", FargateSize.DEFAULT, Architecture.ARM64, false, ImageSource.REPOSITORY,
                "latest", null, 10, "xi-1234567890"), "logRetentionDays", "Log retention must be one of");
    }

    @Test
    void theImageIsATagOfTheOwnRepositoryOrAFullUri() {
        assertRejected(input("prod", FargateSize.DEFAULT, Architecture.ARM64, false, ImageSource.REPOSITORY,
                "bad tag!", null, 7, "k-1234567890"), "imageTag", "image tag");
        assertRejected(input("prod", FargateSize.DEFAULT, Architecture.ARM64, false, ImageSource.URI, null, null, 7,
                "k-1234567890"), "imageUri", "Enter the image URI");
        assertRejected(input("prod", FargateSize.DEFAULT, Architecture.ARM64, false, ImageSource.URI, null,
                "https://not an image", 7, "k-1234567890"), "imageUri", "not an image URI");
        for (String uri : List.of("public.ecr.aws/acme/mcp-server:1.4.0",
                "123456789012.dkr.ecr.eu-central-1.amazonaws.com/mcp-server:latest", "ghcr.io/acme/mcp",
                "registry.example.com:5000/team/mcp-server@sha256:" + "a".repeat(64))) {
            assertThatCode(() -> EnvironmentRules.validate(input("prod", FargateSize.DEFAULT, Architecture.ARM64,
                    false, ImageSource.URI, null, uri, 7, "k-1234567890"), true)).as(uri).doesNotThrowAnyException();
        }
    }

    @Test
    void theKeyIsRequiredOnCreationOnlyAndNeverEchoed() {
        EnvironmentInput withoutKey = input("prod", FargateSize.DEFAULT, Architecture.ARM64, false,
                ImageSource.REPOSITORY, "latest", null, 7, null);
        assertRejected(withoutKey, "elevenLabsApiKey", "Enter the ElevenLabs API key");
        assertThatCode(() -> EnvironmentRules.validate(withoutKey, false)).doesNotThrowAnyException();

        String badKey = "has spaces inside";
        assertThatThrownBy(() -> EnvironmentRules.validate(input("prod", FargateSize.DEFAULT, Architecture.ARM64,
                false, ImageSource.REPOSITORY, "latest", null, 7, badKey), true))
                .isInstanceOf(InvalidInputException.class).hasMessageNotContaining(badKey);
        assertThat(valid().toString()).as("log-safe").doesNotContain("xi-1234567890");
    }

    @Test
    void namesAreShortAndPlain() {
        assertRejected(input("", FargateSize.DEFAULT, Architecture.ARM64, false, ImageSource.REPOSITORY, "latest",
                null, 7, "xi-1234567890"), "name", "Enter a name");
        assertRejected(input("<script>", FargateSize.DEFAULT, Architecture.ARM64, false, ImageSource.REPOSITORY,
                "latest", null, 7, "xi-1234567890"), "name", "letters, digits");
        assertRejected(input("x".repeat(41), FargateSize.DEFAULT, Architecture.ARM64, false, ImageSource.REPOSITORY,
                "latest", null, 7, "xi-1234567890"), "name", "1 to 40");
    }

    private static void assertRejected(EnvironmentInput input, String field, String message) {
        assertThatThrownBy(() -> EnvironmentRules.validate(input, true)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((InvalidInputException) e).field())
                        .isEqualTo(field));
    }
}
