package com.mcpportal.portal.cloud.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.CloudTarget;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.ImagePublication;
import com.mcpportal.portal.cloud.ImageRef;
import com.mcpportal.portal.cloud.ImageRepository;
import com.mcpportal.portal.cloud.ServerImage;
import com.mcpportal.portal.cloud.secret.SecretCipher;
import com.mcpportal.portal.support.PortalRepositoryTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The simulated repository's images: published in about the time a real push takes (step delays, so tests can set
 * them to nothing), with digests that follow what the image is built from, reused under their tag, five kept.
 */
@PortalRepositoryTest
class SimulatedRegistryTests {

    private static final EnvironmentRef ENV = new EnvironmentRef(CloudTarget.defaultCredentials("7", "eu-west-1"),
            "simimg1", "Team", "prod");
    private static final Duration STEP = Duration.ofMillis(300);

    @Autowired
    JdbcTemplate jdbc;

    final List<Duration> pauses = new ArrayList<>();
    SimulatedCloudProvider cloud;
    ImageRepository repository;

    @BeforeEach
    void cloud() {
        cloud = new SimulatedCloudProvider(new SimulatedStore(jdbc, Clock.systemUTC()),
                new SecretCipher("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII)),
                new SimulatedSettings(STEP, Duration.ZERO), Clock.systemUTC()) {
            @Override
            void pause(Duration duration) {
                pauses.add(duration);
            }
        };
        jdbc.update("DELETE FROM simulated_resource WHERE environment_id = ?", ENV.environmentId());
        repository = cloud.ensureRepository(ENV);
        pauses.clear();
    }

    @Test
    void theFirstImageOfAnArchitectureTakesLongestAndTheSameImageAgainTakesNothing() {
        ImagePublication first = cloud.publishImage(ENV, repository, image(Architecture.ARM64, "a1"));
        ImagePublication again = cloud.publishImage(ENV, repository, image(Architecture.ARM64, "a1"));
        ImagePublication update = cloud.publishImage(ENV, repository, image(Architecture.ARM64, "b2"));

        assertThat(first.pushed()).isTrue();
        assertThat(again.pushed()).isFalse();
        assertThat(again.image()).isEqualTo(first.image());
        assertThat(update.pushed()).isTrue();
        assertThat(pauses).containsExactly(STEP.multipliedBy(SimulatedRegistry.FIRST_PUSH_STEPS),
                STEP.multipliedBy(SimulatedRegistry.UPDATE_PUSH_STEPS));
    }

    @Test
    void digestsLookRealAndFollowWhatTheImageIsBuiltFrom() {
        ImageRef arm = cloud.publishImage(ENV, repository, image(Architecture.ARM64, "a1")).image();
        ImageRef x86 = cloud.publishImage(ENV, repository, image(Architecture.X86_64, "a1")).image();

        assertThat(arm.digest()).matches("sha256:[0-9a-f]{64}").isNotEqualTo(x86.digest());
        assertThat(arm.reference()).isEqualTo(repository.uri() + "@" + arm.digest());
        assertThat(arm.version()).isEqualTo("0.4.0");
        assertThat(arm.commit()).isEqualTo("3f2c1ab9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f");
        jdbc.update("DELETE FROM simulated_resource WHERE environment_id = ?", ENV.environmentId());
        ImageRepository recreated = cloud.ensureRepository(ENV);
        assertThat(cloud.publishImage(ENV, recreated, image(Architecture.ARM64, "a1")).image().digest())
                .as("the same image, the same digest").isEqualTo(arm.digest());
    }

    @Test
    void theRepositoryKeepsTheLastFiveImagesAsItsLifecyclePolicySays() {
        for (int release = 1; release <= 6; release++) {
            cloud.publishImage(ENV, repository, image(Architecture.ARM64, "r" + release));
        }
        pauses.clear();

        assertThat(cloud.publishImage(ENV, repository, image(Architecture.ARM64, "r6")).pushed()).isFalse();
        assertThat(cloud.publishImage(ENV, repository, image(Architecture.ARM64, "r1")).pushed())
                .as("the oldest one expired").isTrue();
    }

    @Test
    void aTeamsOwnTagIsFoundWithADigestAndAPublishedTagWithItsOwn() {
        ImageRef published = cloud.publishImage(ENV, repository, image(Architecture.ARM64, "a1")).image();

        assertThat(cloud.findImage(ENV, repository, published.tag(), Architecture.ARM64).digest())
                .isEqualTo(published.digest());
        ImageRef own = cloud.findImage(ENV, repository, "1.4.0", Architecture.ARM64);
        assertThat(own.reference()).isEqualTo(repository.uri() + ":1.4.0");
        assertThat(own.digest()).matches("sha256:[0-9a-f]{64}");
        assertThat(own.publishedByPortal()).isFalse();
    }

    @Test
    void publishingWithoutARepositoryFailsAsEcrDoes() {
        jdbc.update("DELETE FROM simulated_resource WHERE environment_id = ?", ENV.environmentId());

        assertThatThrownBy(() -> cloud.publishImage(ENV, repository, image(Architecture.ARM64, "a1")))
                .isInstanceOfSatisfying(CloudException.class, e -> assertThat(e.errorCode())
                        .isEqualTo("RepositoryNotFoundException"));
    }

    private static ServerImage image(Architecture architecture, String build) {
        String fingerprint = (build + architecture.ociName()).repeat(16).substring(0, 64);
        return new ServerImage("0.4.0", "3f2c1ab9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f", "0.4.0-3f2c1ab-"
                + architecture.ociName() + "-" + build, fingerprint, architecture,
                "eclipse-temurin:25-jre@sha256:" + "d".repeat(64), Path.of("mcp-server.jar"), List.of(), Map.of());
    }
}
