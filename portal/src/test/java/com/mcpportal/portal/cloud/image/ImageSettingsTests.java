package com.mcpportal.portal.cloud.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;

class ImageSettingsTests {

    @Test
    void theDefaultBaseIsTemurin25PinnedByItsMultiArchitectureDigest() {
        ImageSettings defaults = ImageSettings.defaults();

        assertThat(defaults.baseImage()).startsWith("eclipse-temurin:25").contains("-jre-noble@sha256:");
        assertThat(defaults.registryOverride()).isNull();
        assertThat(defaults.insecure()).isFalse();
    }

    @Test
    void aBaseImageNamedByATagAloneIsRefused() {
        assertThatThrownBy(() -> new ImageSettings("eclipse-temurin:25-jre", null, null, null, null))
                .hasMessageContaining("portal.images.base-image must be pinned by digest");
    }

    @Test
    void anOverrideIsARegistryAndOnlyItsPlainHttpIsInsecure() {
        assertThat(new ImageSettings(null, null, null, URI.create("http://127.0.0.1:5000"), null).overrideRegistry())
                .isEqualTo("127.0.0.1:5000");
        assertThat(new ImageSettings(null, null, null, URI.create("http://127.0.0.1:5000"), null).insecure()).isTrue();
        assertThat(new ImageSettings(null, null, null, URI.create("https://mirror.example.com"), null).insecure())
                .isFalse();
        assertThatThrownBy(() -> new ImageSettings(null, null, null, URI.create("http://mirror/v2/x"), null))
                .hasMessageContaining("http(s)://host[:port]");
    }

    @Test
    void baseImageCredentialsComeInPairsAndNeverShow() {
        assertThatThrownBy(() -> new ImageSettings(null, "robot", null, null, null)).hasMessageContaining("together");
        assertThat(new ImageSettings(null, "robot", "s3cret-pa55", null, null).toString())
                .contains("robot").doesNotContain("s3cret-pa55");
    }
}
