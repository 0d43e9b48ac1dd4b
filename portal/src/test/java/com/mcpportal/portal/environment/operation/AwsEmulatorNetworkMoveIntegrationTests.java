package com.mcpportal.portal.environment.operation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mcpportal.portal.cloud.AccountRoles;
import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.CloudTarget;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.FargateSize;
import com.mcpportal.portal.cloud.LogGroup;
import com.mcpportal.portal.cloud.NatSpec;
import com.mcpportal.portal.cloud.Network;
import com.mcpportal.portal.cloud.SecretRef;
import com.mcpportal.portal.cloud.SharedNetworkRef;
import com.mcpportal.portal.cloud.aws.AwsClients;
import com.mcpportal.portal.cloud.aws.AwsCloudProvider;
import com.mcpportal.portal.cloud.aws.emulator.MotoServer;
import com.mcpportal.portal.cloud.aws.sdk.AwsCallLog;
import com.mcpportal.portal.cloud.image.ImageSettings;
import com.mcpportal.portal.environment.CloudResources;
import com.mcpportal.portal.environment.EnvironmentNetworks;
import com.mcpportal.portal.environment.EnvironmentPower;
import com.mcpportal.portal.environment.EnvironmentSpec;
import com.mcpportal.portal.environment.ImageSource;
import com.mcpportal.portal.environment.NetworkMoveDirection;
import com.mcpportal.portal.environment.SharedNetworkPlacement;

import software.amazon.awssdk.services.apigatewayv2.model.VpcLink;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;

/**
 * The move operation's steps with the portal's real AWS adapter against moto: two environments in one shared network,
 * one (with its ECS service, Cloud Map service and HTTPS endpoint) moved out into a network of its own and back in,
 * read back with EC2's, ECS's and API Gateway's own answers (subnets, security groups, routes, tags, the service's
 * placement, the VPC link), then both deprovisioned with the network kept. moto runs no containers, so the service is
 * off (desired 0, as a stopped environment's is): the wait for a healthy deployment is not exercised here (it is
 * {@code ServiceRollouts}', tested in {@code AwsServiceRolloutTests}), and what ECS would do with the update is shown
 * by the request the portal sent.
 */
class AwsEmulatorNetworkMoveIntegrationTests {

    private static final String REGION = "eu-south-1";
    private static final EnvironmentSpec SPEC = new EnvironmentSpec(REGION, FargateSize.DEFAULT, Architecture.ARM64,
            ImageSource.URI, null, "123456789012.dkr.ecr.eu-south-1.amazonaws.com/mcp@sha256:" + "a".repeat(64),
            NatSpec.defaults(), false, 7, List.of());

    @RegisterExtension
    static final MotoServer moto = MotoServer.shared();

    @Test
    void oneOfTwoEnvironmentsMovesOutOfTheNetworkAndBackAndTheLastLeavesItStanding() {
        AwsCloudProvider cloud = moto.provider(moto.settings(Duration.ofSeconds(2)), ImageSettings.defaults());
        AwsClients aws = moto.clients(REGION);
        CloudTarget target = CloudTarget.defaultCredentials("moto", REGION);
        long id = System.nanoTime() % 1_000_000_000L;
        SharedNetworkPlacement alphaPlace = new SharedNetworkPlacement(id, "platform", "10.44.0.0/16", "10.44.0.0/24",
                "10.44.1.0/24");
        SharedNetworkPlacement betaPlace = new SharedNetworkPlacement(id, "platform", "10.44.0.0/16", "10.44.0.0/24",
                "10.44.2.0/24");
        Member alpha = new Member(cloud, new EnvironmentRef(target, "mva" + id, "team-a", "alpha"), alphaPlace);
        Member beta = new Member(cloud, new EnvironmentRef(target, "mvb" + id, "team-b", "beta"), betaPlace);

        // Given two environments in the network, beta with its service (off) and HTTPS endpoint
        alpha.run(OperationKind.PROVISION, null, "network", "nat-instance");
        beta.run(OperationKind.PROVISION, null, "network", "nat-instance", "cluster", "task-definition",
                "service-discovery", "service", "ingress");
        Network shared = beta.resources.network();
        String sharedNat = beta.resources.nat().instanceId();
        String apiId = beta.resources.ingress().apiId();
        String firstRevision = beta.resources.taskDefinition().arn();

        // When beta is moved out into a network of its own
        List<AwsCallLog.Call> out = AwsCallLog.during(() -> beta.run(OperationKind.MOVE_NETWORK,
                NetworkMoveDirection.OUT_OF, names()));

        // Then it has its own VPC, subnets, route tables and groups, tagged with it, and its own NAT, stopped (off)
        Network own = beta.resources.network();
        assertThat(own.vpcId()).isNotEqualTo(shared.vpcId());
        assertThat(aws.ec2().describeVpcs(r -> r.filters(tag(beta.ref))).vpcs()).singleElement()
                .satisfies(vpc -> assertThat(vpc.vpcId()).isEqualTo(own.vpcId()));
        assertThat(subnets(aws, tag(beta.ref))).extracting(Subnet::vpcId).containsOnly(own.vpcId()).hasSize(2);
        assertThat(aws.ec2().describeSecurityGroups(r -> r.filters(tag(beta.ref))).securityGroups())
                .extracting(SecurityGroup::vpcId).containsOnly(own.vpcId());
        assertThat(routeTables(aws, tag(beta.ref))).extracting(RouteTable::vpcId).containsOnly(own.vpcId());
        assertThat(liveInstances(aws, tag(beta.ref))).singleElement().satisfies(nat -> {
            assertThat(nat.instanceId()).isEqualTo(beta.resources.nat().instanceId()).isNotEqualTo(sharedNat);
            assertThat(nat.state().nameAsString()).isEqualTo("stopped");
        });
        RouteTable privateRoutes = aws.ec2().describeRouteTables(r -> r.routeTableIds(own.privateRouteTableId()))
                .routeTables().get(0);
        assertThat(privateRoutes.routes()).filteredOn(route -> "0.0.0.0/0".equals(route.destinationCidrBlock()))
                .singleElement().satisfies(route -> assertThat(route.networkInterfaceId())
                        .isEqualTo(beta.resources.nat().networkInterfaceId()));
        // and its service was moved in one update: new subnet and group, the revision for the new range, a new
        // deployment (moto keeps the placement without running tasks: read back, it is the new one)
        assertThat(out).filteredOn(call -> call.name().equals("ecs:UpdateService")).singleElement().satisfies(call -> {
            UpdateServiceRequest update = call.request(UpdateServiceRequest.class);
            assertThat(update.forceNewDeployment()).isTrue();
            assertThat(update.networkConfiguration().awsvpcConfiguration().subnets())
                    .containsExactly(own.privateSubnetId());
            assertThat(update.networkConfiguration().awsvpcConfiguration().securityGroups())
                    .containsExactly(own.serviceSecurityGroupId());
            assertThat(update.taskDefinition()).isEqualTo(beta.resources.taskDefinition().arn())
                    .isNotEqualTo(firstRevision);
        });
        var service = aws.ecs().describeServices(r -> r.cluster(beta.ref.resourceName())
                .services(beta.ref.resourceName())).services().get(0);
        assertThat(service.networkConfiguration().awsvpcConfiguration().subnets())
                .containsExactly(own.privateSubnetId());
        // and its endpoint is the same API, its VPC link (the only one left) in its own subnet
        assertThat(beta.resources.ingress().apiId()).isEqualTo(apiId);
        assertThat(vpcLinks(aws, beta.ref)).singleElement().satisfies(link -> {
            assertThat(link.subnetIds()).containsExactly(own.privateSubnetId());
            assertThat(link.vpcLinkId()).isEqualTo(beta.resources.ingress().vpcLinkId());
        });
        assertThat(aws.apiGateway().getIntegrations(r -> r.apiId(apiId)).items()).singleElement()
                .satisfies(integration -> assertThat(integration.connectionId())
                        .isEqualTo(beta.resources.ingress().vpcLinkId()));
        // and nothing of it is left in the network, whose VPC, NAT and other environment are untouched
        assertThat(subnets(aws, List.of(vpcIs(shared.vpcId())))).extracting(Subnet::subnetId)
                .doesNotContain(shared.privateSubnetId()).contains(alpha.resources.network().privateSubnetId());
        assertThat(liveInstances(aws, networkTag(id))).singleElement()
                .satisfies(nat -> assertThat(nat.instanceId()).isEqualTo(sharedNat));
        assertThat(beta.completedMoves).isEqualTo(1);

        // When it is moved back in, with the next free range, on
        beta.placement = new SharedNetworkPlacement(id, "platform", "10.44.0.0/16", "10.44.0.0/24", "10.44.3.0/24");
        beta.power = EnvironmentPower.ON;
        beta.run(OperationKind.MOVE_NETWORK, NetworkMoveDirection.INTO, names());

        // Then its own VPC and NAT are gone and it has a subnet and group of its own in the shared VPC again
        assertThat(aws.ec2().describeVpcs(r -> r.filters(tag(beta.ref))).vpcs()).isEmpty();
        assertThat(liveInstances(aws, tag(beta.ref))).isEmpty();
        assertThat(subnets(aws, tag(beta.ref))).singleElement().satisfies(subnet -> {
            assertThat(subnet.vpcId()).isEqualTo(shared.vpcId());
            assertThat(subnet.cidrBlock()).isEqualTo("10.44.3.0/24");
        });
        assertThat(aws.ec2().describeSecurityGroups(r -> r.filters(tag(beta.ref))).securityGroups())
                .extracting(SecurityGroup::vpcId).containsOnly(shared.vpcId());
        assertThat(beta.details.get(beta.details.size() - 6)).contains("running before the service moves in");
        assertThat(vpcLinks(aws, beta.ref)).singleElement().satisfies(link -> assertThat(link.subnetIds())
                .containsExactly(beta.resources.network().privateSubnetId()));
        assertThat(beta.resources.nat().instanceId()).isEqualTo(sharedNat);

        // When both are deprovisioned, the last one too, then nothing tagged with them remains and the network stays
        beta.run(OperationKind.DEPROVISION, null, "delete-ingress", "delete-service", "delete-service-discovery",
                "delete-cluster", "delete-nat-instance", "delete-network");
        alpha.run(OperationKind.DEPROVISION, null, "delete-nat-instance", "delete-network", "check-remaining");
        assertThat(cloud.remainingResources(beta.ref)).isEmpty();
        assertThat(aws.ec2().describeVpcs(r -> r.filters(networkTag(id))).vpcs()).hasSize(1);
        assertThat(liveInstances(aws, networkTag(id))).hasSize(1);
        SharedNetworkRef network = alphaPlace.ref(target);
        cloud.deleteSharedNetwork(network);
        assertThat(cloud.remainingNetworkResources(network)).isEmpty();
    }

    @Test
    void intoANetworkOfTwoZonesWithANatPerZoneTheMovedServiceAndItsLinkSpanBothZonesEachRoutedToItsOwnNat() {
        AwsCloudProvider cloud = moto.provider(moto.settings(Duration.ofSeconds(2)), ImageSettings.defaults());
        AwsClients aws = moto.clients(REGION);
        CloudTarget target = CloudTarget.defaultCredentials("moto", REGION);
        long id = System.nanoTime() % 1_000_000_000L;
        SharedNetworkPlacement inNetwork = new SharedNetworkPlacement(id, "two-zones", "10.45.0.0/16",
                "10.45.0.0/24", "10.45.2.0/24", "10.45.1.0/24", "10.45.3.0/24", true);
        Member gamma = new Member(cloud, new EnvironmentRef(target, "mvz" + id, "team-c", "gamma"), inNetwork);

        // Given an environment with its service and endpoint in a network of two zones that runs a NAT per zone
        gamma.run(OperationKind.PROVISION, null, "network", "nat-instance", "cluster", "task-definition",
                "service-discovery", "service", "ingress");
        String sharedVpc = gamma.resources.network().vpcId();
        assertThat(gamma.resources.network().privateSubnetIds()).hasSize(2);
        List<Instance> nats = liveInstances(aws, networkTag(id));
        assertThat(nats).hasSize(2);

        // When it moves out into a network of its own (one zone) and back in, with its recorded ranges
        gamma.run(OperationKind.MOVE_NETWORK, NetworkMoveDirection.OUT_OF, names());
        assertThat(gamma.resources.network().privateSubnetIds()).hasSize(1);
        List<AwsCallLog.Call> in = AwsCallLog.during(() -> gamma.run(OperationKind.MOVE_NETWORK,
                NetworkMoveDirection.INTO, names()));

        // Then it has a private subnet in each zone of the shared VPC again, nothing in a VPC of its own
        Network back = gamma.resources.network();
        assertThat(subnets(aws, tag(gamma.ref))).extracting(Subnet::vpcId).containsOnly(sharedVpc);
        assertThat(subnets(aws, tag(gamma.ref))).extracting(Subnet::cidrBlock)
                .containsExactlyInAnyOrder("10.45.2.0/24", "10.45.3.0/24");
        assertThat(subnets(aws, tag(gamma.ref))).extracting(Subnet::availabilityZone).doesNotHaveDuplicates();
        assertThat(back.privateSubnetIds()).hasSize(2);
        // and each zone's subnet routes to the NAT instance in its own zone
        assertThat(back.privateSubnetIds()).map(subnet -> defaultRouteInterface(aws, subnet))
                .containsExactlyInAnyOrderElementsOf(nats.stream().map(Instance::networkInterfaces)
                        .map(interfaces -> interfaces.get(0).networkInterfaceId()).toList());
        // and the service was moved onto both subnets in one update, and its VPC link spans both
        assertThat(in).filteredOn(call -> call.name().equals("ecs:UpdateService")).singleElement()
                .satisfies(call -> assertThat(call.request(UpdateServiceRequest.class).networkConfiguration()
                        .awsvpcConfiguration().subnets()).containsExactlyElementsOf(back.privateSubnetIds()));
        assertThat(vpcLinks(aws, gamma.ref)).singleElement().satisfies(link -> assertThat(link.subnetIds())
                .containsExactlyInAnyOrderElementsOf(back.privateSubnetIds()));

        // When it is deprovisioned and the network deleted, nothing of either remains
        gamma.run(OperationKind.DEPROVISION, null, "delete-ingress", "delete-service", "delete-service-discovery",
                "delete-cluster", "delete-nat-instance", "delete-network", "check-remaining");
        assertThat(cloud.remainingResources(gamma.ref)).isEmpty();
        SharedNetworkRef network = inNetwork.ref(target);
        cloud.deleteSharedNetwork(network);
        assertThat(cloud.remainingNetworkResources(network)).isEmpty();
    }

    private static String defaultRouteInterface(AwsClients aws, String subnetId) {
        return aws.ec2().describeRouteTables(r -> r.filters(Filter.builder().name("association.subnet-id")
                        .values(subnetId).build())).routeTables().stream()
                .flatMap(table -> table.routes().stream())
                .filter(route -> "0.0.0.0/0".equals(route.destinationCidrBlock()))
                .map(route -> route.networkInterfaceId()).findFirst().orElse("none");
    }

    private static String[] names() {
        return OperationPlans.steps(OperationKind.MOVE_NETWORK).stream().map(CloudStep::name).toArray(String[]::new);
    }

    private static List<Filter> tag(EnvironmentRef env) {
        return List.of(Filter.builder().name("tag:" + EnvironmentRef.TAG_ENVIRONMENT_ID).values(env.environmentId())
                .build());
    }

    private static List<Filter> networkTag(long networkId) {
        return List.of(Filter.builder().name("tag:" + SharedNetworkRef.TAG_NETWORK_ID)
                .values(Long.toString(networkId)).build());
    }

    private static Filter vpcIs(String vpcId) {
        return Filter.builder().name("vpc-id").values(vpcId).build();
    }

    private static List<Subnet> subnets(AwsClients aws, List<Filter> filters) {
        return aws.ec2().describeSubnets(r -> r.filters(filters)).subnets();
    }

    private static List<RouteTable> routeTables(AwsClients aws, List<Filter> filters) {
        return aws.ec2().describeRouteTables(r -> r.filters(filters)).routeTables();
    }

    private static List<VpcLink> vpcLinks(AwsClients aws, EnvironmentRef env) {
        return aws.apiGateway().getVpcLinks(r -> r.maxResults("100")).items().stream()
                .filter(link -> env.environmentId().equals(link.tags().get(EnvironmentRef.TAG_ENVIRONMENT_ID)))
                .filter(link -> !"DELETING".equals(link.vpcLinkStatusAsString())).toList();
    }

    private static List<Instance> liveInstances(AwsClients aws, List<Filter> tagged) {
        List<Filter> filters = new ArrayList<>(tagged);
        filters.add(Filter.builder().name("instance-state-name").values("pending", "running", "stopping", "stopped")
                .build());
        return aws.ec2().describeInstances(r -> r.filters(filters)).reservations().stream()
                .flatMap(reservation -> reservation.instances().stream()).toList();
    }

    /** One environment: its recorded resources and the details its steps said, run step by step as the runner does. */
    private static final class Member {

        private final AwsCloudProvider cloud;
        private final EnvironmentRef ref;
        private SharedNetworkPlacement placement;
        private EnvironmentPower power = EnvironmentPower.OFF;
        private final List<String> details = new ArrayList<>();
        private int completedMoves;
        private CloudResources resources = CloudResources.NONE
                .withRoles(new AccountRoles("arn:aws:iam::123456789012:role/mcp-portal-task-execution",
                        "arn:aws:iam::123456789012:role/mcp-portal-task"))
                .withSecrets(new SecretRef("/mcp-portal/k", "arn:aws:ssm:eu-south-1:123456789012:parameter/k"),
                        new SecretRef("/mcp-portal/s", "arn:aws:ssm:eu-south-1:123456789012:parameter/s"))
                .withLogGroup(new LogGroup("/mcp-portal/move", 7));

        Member(AwsCloudProvider cloud, EnvironmentRef ref, SharedNetworkPlacement placement) {
            this.cloud = cloud;
            this.ref = ref;
            this.placement = placement;
        }

        void run(OperationKind kind, NetworkMoveDirection direction, String... names) {
            for (String name : names) {
                CloudStep step = OperationPlans.steps(kind).stream().filter(s -> s.name().equals(name)).findFirst()
                        .orElseThrow();
                StepOutcome outcome = step.run(new StepContext(cloud, ref, SPEC, resources, null, power, () -> null,
                        null, placement, new OneNetwork(placement, this), () -> true, null,
                        direction == null ? null : new MoveSteps.Move(1L, direction)));
                resources = outcome.resources();
                details.add(outcome.detail());
            }
        }
    }

    /** The placement as the network feature would give it; its lock is PostgreSQL's, and these steps run in turn. */
    private record OneNetwork(SharedNetworkPlacement placement, Member member) implements EnvironmentNetworks {

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
        public void completeMove(long environmentId) {
            member.completedMoves++;
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
