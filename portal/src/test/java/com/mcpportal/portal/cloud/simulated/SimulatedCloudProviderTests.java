package com.mcpportal.portal.cloud.simulated;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.AutoscalingState;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.CloudProvider;
import com.mcpportal.portal.cloud.CloudTarget;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.FargateSize;
import com.mcpportal.portal.cloud.MirrorAction;
import com.mcpportal.portal.cloud.MirroredSchedule;
import com.mcpportal.portal.cloud.NatSpec;
import com.mcpportal.portal.cloud.NatState;
import com.mcpportal.portal.cloud.Network;
import com.mcpportal.portal.cloud.NetworkSpec;
import com.mcpportal.portal.cloud.SecretRef;
import com.mcpportal.portal.cloud.SharedNetwork;
import com.mcpportal.portal.cloud.SharedNetworkRef;
import com.mcpportal.portal.cloud.SharedNetworkSpec;
import com.mcpportal.portal.cloud.TaskDefinitionRef;
import com.mcpportal.portal.cloud.TaskRange;
import com.mcpportal.portal.cloud.TaskSpec;
import com.mcpportal.portal.cloud.secret.SecretCipher;
import com.mcpportal.portal.support.PortalRepositoryTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The simulated cloud behaves like the AWS adapter: idempotent steps, AWS-looking ids, ordering rules, secrets. */
@PortalRepositoryTest
class SimulatedCloudProviderTests {

    private static final EnvironmentRef ENV = new EnvironmentRef(CloudTarget.defaultCredentials("7", "eu-west-1"),
            "sim1", "Team", "prod");

    @Autowired
    JdbcTemplate jdbc;

    SimulatedCloudProvider cloud;

    @BeforeEach
    void cloud() {
        cloud = new SimulatedCloudProvider(new SimulatedStore(jdbc, Clock.systemUTC()),
                new SecretCipher("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII)),
                SimulatedSettings.instant(), Clock.systemUTC());
    }

    @Test
    void eachEnsureStepFindsWhatItMadeBefore() {
        Network first = cloud.ensureNetwork(ENV, NetworkSpec.defaults());
        Network again = cloud.ensureNetwork(ENV, NetworkSpec.defaults());

        assertThat(again).isEqualTo(first);
        assertThat(first.vpcId()).matches("vpc-0[0-9a-f]{16}");
        assertThat(first.availabilityZone()).isEqualTo("eu-west-1a");
        assertThat(cloud.ensureNatInstance(ENV, first, NatSpec.defaults()).instanceId())
                .isEqualTo(cloud.ensureNatInstance(ENV, first, NatSpec.defaults()).instanceId());
        assertThat(cloud.ensureRepository(ENV).uri()).matches("\\d{12}\\.dkr\\.ecr\\.eu-west-1\\.amazonaws\\.com/mcp-sim1");
        assertThat(cloud.ensureAccountRoles(ENV.target())).isEqualTo(cloud.ensureAccountRoles(ENV.target()));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM simulated_resource WHERE environment_id = 'sim1'",
                Integer.class)).isEqualTo(3);
    }

    @Test
    void aSharedNetworkIsMadeOnceAndOutlivesItsEnvironmentsUntilItIsDeletedEmpty() {
        SharedNetworkRef network = new SharedNetworkRef(ENV.target(), 4242, "platform");
        EnvironmentRef other = new EnvironmentRef(ENV.target(), "sim2", "Team", "staging");
        SharedNetwork shared = cloud.ensureSharedNetwork(network, new SharedNetworkSpec("10.50.0.0/16",
                "10.50.0.0/24", null), NatSpec.defaults());

        Network mine = cloud.joinSharedNetwork(ENV, shared, "10.50.1.0/24", 8080);
        Network theirs = cloud.joinSharedNetwork(other, cloud.ensureSharedNetwork(network, new SharedNetworkSpec(
                "10.50.0.0/16", "10.50.0.0/24", null), NatSpec.defaults()), "10.50.2.0/24", 8080);

        assertThat(theirs.vpcId()).isEqualTo(mine.vpcId()).isEqualTo(shared.vpcId());
        assertThat(theirs.privateSubnetId()).isNotEqualTo(mine.privateSubnetId());
        assertThat(cloud.joinSharedNetwork(ENV, shared, "10.50.1.0/24", 8080)).isEqualTo(mine);
        assertThat(cloud.describe(ENV).nat()).as("no NAT of its own").isEqualTo(NatState.NONE);
        assertThat(cloud.startSharedNat(network)).isEqualTo(NatState.RUNNING);
        assertThatThrownBy(() -> cloud.deleteSharedNetwork(network)).isInstanceOfSatisfying(CloudException.class,
                e -> assertThat(e.errorCode()).isEqualTo("DependencyViolation"));

        cloud.deleteNatInstance(ENV);
        cloud.deleteNetwork(ENV);
        cloud.deleteNetwork(other);
        assertThat(cloud.remainingResources(ENV)).isEmpty();
        assertThat(cloud.remainingNetworkResources(network)).hasSize(2);
        cloud.deleteSharedNetwork(network);
        assertThat(cloud.remainingNetworkResources(network)).isEmpty();
    }

    @Test
    void aChangedTaskSpecRegistersTheNextRevisionAndAnEqualOneReusesIt() {
        TaskDefinitionRef first = cloud.registerTaskDefinition(ENV, spec("repo:1"));
        TaskDefinitionRef same = cloud.registerTaskDefinition(ENV, spec("repo:1"));
        TaskDefinitionRef changed = cloud.registerTaskDefinition(ENV, spec("repo:2"));

        assertThat(same).isEqualTo(first);
        assertThat(first.revision()).isEqualTo(1);
        assertThat(changed.revision()).isEqualTo(2);
        assertThat(changed.arn()).matches("arn:aws:ecs:eu-west-1:\\d{12}:task-definition/mcp-sim1:2");
    }

    @Test
    void secretsAreKeptEncryptedAndReadableOnlyThroughTheAdapter() {
        SecretRef ref = cloud.putSecret(ENV, CloudProvider.ELEVENLABS_API_KEY_SECRET, "xi-very-secret");

        assertThat(ref.name()).isEqualTo("/mcp-portal/mcp-sim1/elevenlabs-api-key");
        assertThat(ref.arn()).matches("arn:aws:ssm:eu-west-1:\\d{12}:parameter/mcp-portal/mcp-sim1/elevenlabs-api-key");
        assertThat(jdbc.queryForObject("SELECT ciphertext FROM simulated_secret WHERE environment_id = 'sim1'",
                String.class)).startsWith("v1:").doesNotContain("xi-very-secret");
        assertThat(cloud.secretValue(ENV, CloudProvider.ELEVENLABS_API_KEY_SECRET)).contains("xi-very-secret");
        assertThatThrownBy(() -> cloud.putSecret(ENV, "bad name", "x")).isInstanceOf(CloudException.class);
    }

    @Test
    void powerMovesAndDescribeReportsIt() {
        Network network = cloud.ensureNetwork(ENV, NetworkSpec.defaults());
        cloud.ensureNatInstance(ENV, network, NatSpec.defaults());

        assertThat(cloud.stopNat(ENV)).isEqualTo(NatState.STOPPED);
        assertThat(cloud.describe(ENV).nat()).isEqualTo(NatState.STOPPED);
        assertThat(cloud.describe(ENV).service().exists()).isFalse();
        assertThat(cloud.startNat(ENV)).isEqualTo(NatState.RUNNING);
        assertThatThrownBy(() -> cloud.scaleService(ENV, 1)).isInstanceOf(CloudException.class)
                .hasMessageContaining("ServiceNotFoundException");
    }

    @Test
    void theNetworkGoesOnlyAfterTheNatInstanceAndNothingRemainsAfterAFullTeardown() {
        Network network = cloud.ensureNetwork(ENV, NetworkSpec.defaults());
        cloud.ensureNatInstance(ENV, network, NatSpec.defaults());
        cloud.putSecret(ENV, CloudProvider.KEY_SET_SECRET, "[]");

        assertThatThrownBy(() -> cloud.deleteNetwork(ENV)).isInstanceOf(CloudException.class)
                .satisfies(e -> assertThat(((CloudException) e).errorCode()).isEqualTo("DependencyViolation"));
        assertThat(cloud.remainingResources(ENV)).hasSize(3);

        cloud.deleteNatInstance(ENV);
        cloud.deleteNetwork(ENV);
        cloud.deleteNetwork(ENV); // gone already: done
        cloud.deleteSecrets(ENV);
        assertThat(cloud.remainingResources(ENV)).isEmpty();
    }

    @Test
    void theScheduleMirrorIsKeptShownAsAScheduleGroupReplacedWhenChangedAndLeavesNothingWhenRemoved() {
        MirroredSchedule start = new MirroredSchedule("service-on-0800", "cron(0 8 ? * MON-FRI *)", "Europe/Berlin",
                MirrorAction.START_SERVICE, null, Instant.parse("2026-12-24T06:59:00Z"));
        MirroredSchedule once = new MirroredSchedule("once-nat-off-20261207T2310Z", "at(2026-12-07T23:10:00)", "UTC",
                MirrorAction.STOP_NAT, null, null);

        cloud.mirrorSchedule(ENV, List.of(start, once));

        assertThat(cloud.readScheduleMirror(ENV)).containsExactly(start, once);
        assertThat(cloud.remainingResources(ENV)).extracting(r -> r.arn())
                .containsExactly("arn:aws:scheduler:eu-west-1:" + SimulatedIds.accountNumber("7")
                        + ":schedule-group/mcp-sim1");

        cloud.mirrorSchedule(ENV, List.of(once));
        assertThat(cloud.readScheduleMirror(ENV)).containsExactly(once);

        cloud.deleteScheduleMirror(ENV);
        cloud.deleteScheduleMirror(ENV); // gone already: done
        assertThat(cloud.readScheduleMirror(ENV)).isEmpty();
        assertThat(cloud.remainingResources(ENV)).isEmpty();
    }

    @Test
    void theServicesAutoscalingIsRecordedOnAndOffAndLeavesNothingWhenRemoved() {
        cloud.applyAutoscaling(ENV, new TaskRange(1, 3, 60), true);
        assertThat(cloud.readAutoscaling(ENV)).contains(new AutoscalingState(1, 3, 60, false));
        assertThat(cloud.remainingResources(ENV)).extracting(r -> r.arn())
                .containsExactly("arn:aws:application-autoscaling:eu-west-1:" + SimulatedIds.accountNumber("7")
                        + ":scalable-target/service/mcp-sim1/mcp-sim1");

        cloud.applyAutoscaling(ENV, new TaskRange(1, 3, 60), false);
        assertThat(cloud.readAutoscaling(ENV)).contains(new AutoscalingState(0, 3, 60, true));

        cloud.deleteAutoscaling(ENV);
        cloud.deleteAutoscaling(ENV); // gone already: done
        assertThat(cloud.readAutoscaling(ENV)).isEmpty();
        assertThat(cloud.remainingResources(ENV)).isEmpty();

        // Deprovisioning deletes the service, and its scaling with it.
        cloud.applyAutoscaling(ENV, new TaskRange(1, 3, 60), true);
        cloud.deleteService(ENV);
        assertThat(cloud.readAutoscaling(ENV)).isEmpty();
    }

    private static TaskSpec spec(String image) {
        return new TaskSpec(FargateSize.DEFAULT, Architecture.ARM64, image, 8080, "arn:aws:iam::1:role/x", null,
                Map.of(), null, List.of(), List.of(), Map.of(), "/mcp-portal/mcp-sim1");
    }
}
