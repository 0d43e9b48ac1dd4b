package com.mcpportal.portal.environment.operation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.CloudTarget;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.FargateSize;
import com.mcpportal.portal.cloud.NatSpec;
import com.mcpportal.portal.cloud.SharedNetworkRef;
import com.mcpportal.portal.cloud.aws.AwsClients;
import com.mcpportal.portal.cloud.aws.AwsCloudProvider;
import com.mcpportal.portal.cloud.aws.emulator.MotoServer;
import com.mcpportal.portal.cloud.image.ImageSettings;
import com.mcpportal.portal.environment.CloudResources;
import com.mcpportal.portal.environment.EnvironmentNetworks;
import com.mcpportal.portal.environment.EnvironmentPower;
import com.mcpportal.portal.environment.EnvironmentSpec;
import com.mcpportal.portal.environment.ImageSource;
import com.mcpportal.portal.environment.SharedNetworkPlacement;

import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;

/**
 * The operations' own network steps (Provision's network and NAT steps, Start's and Stop's NAT steps, Deprovision's
 * network deletes and its final check) for two environments in one shared network, with the portal's real AWS adapter
 * against moto: the steps choose the shared layout, the second environment reuses the first's VPC and NAT, Stop leaves
 * the shared NAT running while another environment needs it and stops it after the last, and a deprovision leaves
 * the network. The other steps (image, ECS, Cloud Map, ingress) do not
 * depend on the layout and run in {@code AwsEmulatorLifecycleIntegrationTests}; moto answers Cloud Map's service list
 * without its namespace filter, so two environments' Cloud Map steps cannot share one region there.
 */
class AwsEmulatorSharedNetworkStepsIntegrationTests {

    private static final String REGION = "ca-central-1";
    private static final EnvironmentSpec SPEC = new EnvironmentSpec(REGION, FargateSize.DEFAULT, Architecture.ARM64,
            ImageSource.PUBLISHED, null, null, NatSpec.defaults(), false, 7, List.of());

    @RegisterExtension
    static final MotoServer moto = MotoServer.shared();

    @Test
    void twoEnvironmentsStepsProvisionIntoOneNetworkAndDeprovisionOutOfIt() {
        AwsCloudProvider cloud = moto.provider(moto.settings(Duration.ofSeconds(10)), ImageSettings.defaults());
        AwsClients aws = moto.clients(REGION);
        CloudTarget target = CloudTarget.defaultCredentials("moto", REGION);
        long id = System.nanoTime() % 1_000_000_000L;
        SharedNetworkPlacement alphaPlace = new SharedNetworkPlacement(id, "platform", "10.42.0.0/16", "10.42.0.0/24",
                "10.42.1.0/24");
        SharedNetworkPlacement betaPlace = new SharedNetworkPlacement(id, "platform", "10.42.0.0/16", "10.42.0.0/24",
                "10.42.2.0/24");
        Member alpha = new Member(cloud, new EnvironmentRef(target, "sta" + id, "team-a", "alpha"), alphaPlace);
        Member beta = new Member(cloud, new EnvironmentRef(target, "stb" + id, "team-b", "beta"), betaPlace);

        // When both are provisioned (the network steps)
        alpha.run(OperationKind.PROVISION, "network", "nat-instance");
        beta.run(OperationKind.PROVISION, "network", "nat-instance");

        // Then they share the network's VPC and NAT, each recorded with its own subnet and group
        assertThat(beta.resources.network().vpcId()).isEqualTo(alpha.resources.network().vpcId());
        assertThat(beta.resources.nat().instanceId()).isEqualTo(alpha.resources.nat().instanceId());
        assertThat(beta.resources.network().privateSubnetId()).isNotEqualTo(alpha.resources.network().privateSubnetId());
        assertThat(alpha.details).first().asString().contains("shared network platform", "10.42.1.0/24");
        assertThat(alpha.details.get(1)).contains("shared: nothing of this environment's own");
        assertThat(liveNats(aws, id)).hasSize(1);

        // When one is stopped, then the shared NAT keeps running; a start finds it running
        alpha.run(OperationKind.STOP, "stop-nat");
        assertThat(alpha.last()).contains("stays on");
        assertThat(liveNats(aws, id)).singleElement().satisfies(nat -> assertThat(nat.state().nameAsString())
                .isEqualTo("running"));
        alpha.run(OperationKind.START, "start-nat");
        assertThat(alpha.last()).endsWith("running");

        // When the last one on is stopped (the portal's records say no other needs the NAT), then the NAT is stopped
        beta.othersOn = false;
        beta.run(OperationKind.STOP, "stop-nat");
        assertThat(beta.last()).contains("stopped: no other environment of network platform is on");
        assertThat(liveNats(aws, id)).singleElement().satisfies(nat -> assertThat(nat.state().nameAsString())
                .isEqualTo("stopped"));
        // and the next start starts it again
        beta.run(OperationKind.START, "start-nat");
        assertThat(beta.last()).endsWith("running");
        assertThat(liveNats(aws, id)).singleElement().satisfies(nat -> assertThat(nat.state().nameAsString())
                .isEqualTo("running"));

        // When it is deprovisioned, then only its own part goes and nothing tagged with it remains
        alpha.run(OperationKind.DEPROVISION, "delete-nat-instance", "delete-network", "check-remaining");
        assertThat(alpha.details).contains("none of its own: the network's shared NAT instance stays",
                "its own subnet, route table and security group deleted; the shared network stays", "none left");
        assertThat(liveNats(aws, id)).hasSize(1);
        assertThat(aws.ec2().describeSubnets(r -> r.subnetIds(beta.resources.network().privateSubnetId())).subnets())
                .hasSize(1);

        // and after the last, the network is still there until it is deleted on purpose
        beta.run(OperationKind.DEPROVISION, "delete-nat-instance", "delete-network", "check-remaining");
        assertThat(liveNats(aws, id)).hasSize(1);
        SharedNetworkRef network = alphaPlace.ref(target);
        cloud.deleteSharedNetwork(network);
        assertThat(cloud.remainingNetworkResources(network)).isEmpty();
    }

    private static List<Instance> liveNats(AwsClients aws, long networkId) {
        return aws.ec2().describeInstances(r -> r.filters(
                        Filter.builder().name("tag:" + SharedNetworkRef.TAG_NETWORK_ID).values(Long.toString(networkId))
                                .build(),
                        Filter.builder().name("instance-state-name").values("pending", "running", "stopping",
                                "stopped").build()))
                .reservations().stream().flatMap(reservation -> reservation.instances().stream()).toList();
    }

    /** One environment: its recorded resources and the details its steps said, run step by step as the runner does. */
    private static final class Member {

        private final AwsCloudProvider cloud;
        private final EnvironmentRef ref;
        private final SharedNetworkPlacement placement;
        private final List<String> details = new java.util.ArrayList<>();
        private CloudResources resources = CloudResources.NONE;
        /** What the portal's records would say at a stop: another environment of the network needs the NAT. */
        private boolean othersOn = true;

        Member(AwsCloudProvider cloud, EnvironmentRef ref, SharedNetworkPlacement placement) {
            this.cloud = cloud;
            this.ref = ref;
            this.placement = placement;
        }

        String last() {
            return details.get(details.size() - 1);
        }

        void run(OperationKind kind, String... names) {
            for (String name : names) {
                CloudStep step = OperationPlans.steps(kind).stream().filter(s -> s.name().equals(name)).findFirst()
                        .orElseThrow();
                StepOutcome outcome = step.run(new StepContext(cloud, ref, SPEC, resources, null,
                        EnvironmentPower.ON, () -> null, null, placement, new OneNetwork(placement),
                        () -> othersOn));
                resources = outcome.resources();
                details.add(outcome.detail());
            }
        }
    }

    /**
     * The placement as the network feature would give it; the network's lock is PostgreSQL's, tested in
     * {@code SharedNetworkProvisioningIntegrationTests}, and these steps run one after another.
     */
    private record OneNetwork(SharedNetworkPlacement placement) implements EnvironmentNetworks {

        @Override
        public Optional<SharedNetworkPlacement> placementOf(long environmentId) {
            return Optional.of(placement);
        }

        @Override
        public Optional<SharedNetworkPlacement> networkOf(long environmentId) {
            return Optional.of(placement);
        }

        @Override
        public List<Long> environmentsIn(long networkId) {
            return List.of();
        }

        @Override
        public <T> T exclusively(long networkId, Supplier<T> body) {
            return body.get();
        }

        @Override
        public boolean natStopFailed(long networkId, java.time.Instant at, String error, java.time.Instant retryAt) {
            return true;
        }

        @Override
        public boolean natStopSettled(long networkId) {
            return false;
        }
    }
}
