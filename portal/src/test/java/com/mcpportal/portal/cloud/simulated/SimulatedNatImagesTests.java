package com.mcpportal.portal.cloud.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.CloudTarget;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.MachineImage;
import com.mcpportal.portal.cloud.NatImageStatus;
import com.mcpportal.portal.cloud.NatInstance;
import com.mcpportal.portal.cloud.NatSpec;
import com.mcpportal.portal.cloud.NatState;
import com.mcpportal.portal.cloud.Network;
import com.mcpportal.portal.cloud.NetworkSpec;
import com.mcpportal.portal.cloud.secret.SecretCipher;
import com.mcpportal.portal.support.PortalRepositoryTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The simulated cloud keeps NAT instances patched as the AWS adapter does: a new NAT runs the latest AMI of its
 * architecture, Amazon's releases appear every couple of weeks (or on the test hook), and a replacement moves the
 * NAT to the latest AMI keeping everything else.
 */
@PortalRepositoryTest
class SimulatedNatImagesTests {

    private static final String REGION = "ap-south-2";
    private static final EnvironmentRef ENV = new EnvironmentRef(CloudTarget.defaultCredentials("7", REGION), "simnat",
            "Team", "prod");

    @Autowired
    JdbcTemplate jdbc;

    private final MovingClock clock = new MovingClock(Instant.parse("2026-03-02T03:00:00Z"));
    private SimulatedCloudProvider cloud;
    private Network network;

    @BeforeEach
    void cloud() {
        cloud = new SimulatedCloudProvider(new SimulatedStore(jdbc, clock),
                new SecretCipher("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII)),
                SimulatedSettings.instant(), clock);
        network = cloud.ensureNetwork(ENV, NetworkSpec.defaults());
    }

    @Test
    void aNewNatRunsTheLatestAmiOfItsArchitecture() {
        NatInstance nat = cloud.ensureNatInstance(ENV, network, NatSpec.defaults());

        NatImageStatus status = cloud.natImageStatus(ENV).orElseThrow();
        assertThat(status.outdated()).isFalse();
        assertThat(status.nat().instanceId()).isEqualTo(nat.instanceId());
        assertThat(status.current()).isEqualTo(status.latest());
        assertThat(status.latest().imageId()).matches("ami-0[0-9a-f]{16}").isEqualTo(nat.imageId());
        assertThat(status.latest().name()).isEqualTo("al2023-ami-minimal-2023.9.20260302.0-kernel-6.1-arm64");
        assertThat(status.latest().createdAt()).isEqualTo(clock.instant());
    }

    @Test
    void anX86NatGetsTheX86Image() {
        cloud.ensureNatInstance(ENV, network, new NatSpec("t3a.nano", true, 0));

        assertThat(cloud.natImageStatus(ENV).orElseThrow().current().name()).endsWith("-x86_64");
    }

    @Test
    void aNewerAmiMakesTheNatOutdatedAndTheReplacementMovesItThereKeepingTheRest() {
        NatInstance old = cloud.ensureNatInstance(ENV, network, NatSpec.defaults());
        cloud.stopNat(ENV);
        clock.move(Duration.ofDays(3));
        MachineImage newer = cloud.publishNatImage(REGION, Architecture.ARM64);

        NatImageStatus outdated = cloud.natImageStatus(ENV).orElseThrow();
        NatInstance replaced = cloud.replaceNatInstance(ENV, network, NatState.STOPPED);

        assertThat(outdated.outdated()).isTrue();
        assertThat(outdated.current().imageId()).isEqualTo(old.imageId());
        assertThat(outdated.current().name()).contains("20260302");
        assertThat(outdated.latest()).isEqualTo(newer);
        assertThat(newer.name()).contains("20260305");
        assertThat(replaced.instanceId()).matches("i-0[0-9a-f]{16}").isNotEqualTo(old.instanceId());
        assertThat(replaced.networkInterfaceId()).isNotEqualTo(old.networkInterfaceId());
        assertThat(replaced.imageId()).isEqualTo(newer.imageId());
        assertThat(replaced.state()).isEqualTo(NatState.STOPPED);
        assertThat(replaced.instanceType()).isEqualTo(old.instanceType());
        assertThat(replaced.securityGroupId()).isEqualTo(old.securityGroupId());
        assertThat(cloud.natImageStatus(ENV).orElseThrow().outdated()).isFalse();
        assertThat(cloud.describe(ENV).nat()).isEqualTo(NatState.STOPPED);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM simulated_resource WHERE environment_id = 'simnat'"
                + " AND component = 'nat-instance'", Integer.class)).isEqualTo(1);
    }

    @Test
    void amazonsNextReleaseAppearsByItselfAfterAboutTwoWeeks() {
        cloud.ensureNatInstance(ENV, network, NatSpec.defaults());

        clock.move(Duration.ofDays(13));
        assertThat(cloud.natImageStatus(ENV).orElseThrow().outdated()).isFalse();
        clock.move(Duration.ofDays(2));
        NatImageStatus status = cloud.natImageStatus(ENV).orElseThrow();

        assertThat(status.outdated()).isTrue();
        assertThat(status.latest().createdAt()).isEqualTo(clock.instant());
        assertThat(cloud.natImageStatus(ENV).orElseThrow().latest()).as("published once").isEqualTo(status.latest());
    }

    @Test
    void replacingANatOnTheLatestAmiKeepsItAndOnlyMovesItsPower() {
        NatInstance nat = cloud.ensureNatInstance(ENV, network, NatSpec.defaults());
        cloud.stopNat(ENV);

        NatInstance again = cloud.replaceNatInstance(ENV, network, NatState.RUNNING);

        assertThat(again.instanceId()).isEqualTo(nat.instanceId());
        assertThat(again.state()).isEqualTo(NatState.RUNNING);
    }

    @Test
    void withoutNatThereIsNoStatusAndNothingToReplace() {
        assertThat(cloud.natImageStatus(ENV)).isEmpty();
        assertThatThrownBy(() -> cloud.replaceNatInstance(ENV, network, NatState.STOPPED))
                .isInstanceOfSatisfying(CloudException.class, e -> {
                    assertThat(e.kind()).isEqualTo(CloudErrorKind.INVALID_REQUEST);
                    assertThat(e.getMessage()).contains("no NAT instance");
                });
    }

    @Test
    void gravitonFamiliesAreArm() {
        assertThat(SimulatedNatImages.architectureOf("t4g.nano")).isEqualTo(Architecture.ARM64);
        assertThat(SimulatedNatImages.architectureOf("c7gn.large")).isEqualTo(Architecture.ARM64);
        assertThat(SimulatedNatImages.architectureOf("t3a.micro")).isEqualTo(Architecture.X86_64);
        assertThat(SimulatedNatImages.architectureOf("g5.xlarge")).isEqualTo(Architecture.X86_64);
    }

    /** A clock the test moves forward. */
    private static final class MovingClock extends Clock {

        private Instant now;

        MovingClock(Instant start) {
            this.now = start;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
