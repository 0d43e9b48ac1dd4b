package com.mcpportal.portal.cloud.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.CloudTarget;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.NatSpec;
import com.mcpportal.portal.cloud.NatState;
import com.mcpportal.portal.cloud.Network;
import com.mcpportal.portal.cloud.SharedNetwork;
import com.mcpportal.portal.cloud.SharedNetworkRef;
import com.mcpportal.portal.cloud.SharedNetworkSpec;
import com.mcpportal.portal.cloud.aws.emulator.MotoServer;
import com.mcpportal.portal.cloud.image.ImageSettings;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;

/**
 * Two environments provisioned into one shared network with the portal's real AWS adapter against moto, read back
 * with plain EC2 calls: one VPC and one NAT instance for both, each environment's own private subnet (the ranges the
 * portal allocated, not overlapping), route table to the shared NAT and security group that admits only itself; one
 * environment deprovisioned leaves the other and the NAT untouched, the last one leaves the network, and only
 * deleting the network on purpose removes what carries its tag. moto checks no route or rule semantics (it forwards
 * no packet), so "cannot reach each other" is shown by the rules read back, as AWS would apply them.
 */
class AwsEmulatorSharedNetworkIntegrationTests {

    private static final String REGION = "us-west-2";
    private static final SharedNetworkSpec SPEC = new SharedNetworkSpec("10.40.0.0/16", "10.40.0.0/24", null);

    @RegisterExtension
    static final MotoServer moto = MotoServer.shared();

    private AwsCloudProvider cloud;
    private Ec2Client ec2;
    private SharedNetworkRef network;
    private EnvironmentRef a;
    private EnvironmentRef b;

    @BeforeEach
    void setUp() {
        cloud = moto.provider(moto.settings(Duration.ofSeconds(10)), ImageSettings.defaults());
        ec2 = moto.clients(REGION).ec2();
        CloudTarget target = CloudTarget.defaultCredentials("moto", REGION);
        long id = System.nanoTime() % 1_000_000_000L;
        network = new SharedNetworkRef(target, id, "platform");
        a = new EnvironmentRef(target, "sna" + id, "team-a", "alpha");
        b = new EnvironmentRef(target, "snb" + id, "team-b", "beta");
    }

    @Test
    void twoEnvironmentsShareOneVpcAndNatEachAdmittingOnlyItselfAndLeaveItOneByOne() {
        // given two environments provisioned into one network, the second finding what the first made
        SharedNetwork first = cloud.ensureSharedNetwork(network, SPEC, NatSpec.defaults());
        Network alpha = cloud.joinSharedNetwork(a, first, "10.40.1.0/24", 8080);
        SharedNetwork second = cloud.ensureSharedNetwork(network, SPEC, NatSpec.defaults());
        Network beta = cloud.joinSharedNetwork(b, second, "10.40.2.0/24", 8080);

        // then one VPC and one NAT instance, tagged with the network and not with either environment
        assertThat(second).as("the same network, its NAT launched then running").usingRecursiveComparison()
                .ignoringFields("nat.state").isEqualTo(first);
        assertThat(ec2.describeVpcs(r -> r.filters(networkTag())).vpcs()).hasSize(1)
                .allSatisfy(vpc -> assertThat(vpc.vpcId()).isEqualTo(first.vpcId()));
        assertThat(liveInstances(networkTag())).extracting(Instance::instanceId)
                .containsExactly(first.nat().instanceId());
        assertThat(liveInstances(environmentTag(a))).isEmpty();
        assertThat(liveInstances(environmentTag(b))).isEmpty();
        assertThat(alpha.vpcId()).isEqualTo(first.vpcId());
        assertThat(beta.vpcId()).isEqualTo(first.vpcId());
        assertThat(alpha.publicSubnetId()).isEqualTo(first.publicSubnetId()).isEqualTo(beta.publicSubnetId());

        // and each environment has its own private subnet, in the ranges the portal gave, not overlapping
        Subnet alphaSubnet = subnet(alpha.privateSubnetId()).orElseThrow();
        Subnet betaSubnet = subnet(beta.privateSubnetId()).orElseThrow();
        assertThat(alphaSubnet.cidrBlock()).isEqualTo("10.40.1.0/24");
        assertThat(betaSubnet.cidrBlock()).isEqualTo("10.40.2.0/24");
        assertThat(List.of(alphaSubnet.vpcId(), betaSubnet.vpcId())).containsOnly(first.vpcId());
        assertThat(alpha.privateSubnetId()).isNotEqualTo(beta.privateSubnetId());

        // and each security group admits the container port from itself only: no range, not the other environment
        assertThat(alpha.serviceSecurityGroupId()).isNotEqualTo(beta.serviceSecurityGroupId());
        assertAdmitsOnlyItself(alpha.serviceSecurityGroupId(), beta.serviceSecurityGroupId());
        assertAdmitsOnlyItself(beta.serviceSecurityGroupId(), alpha.serviceSecurityGroupId());

        // and each private route table sends the internet through the shared NAT and serves only its own subnet
        assertRoutedThroughNat(alpha, first);
        assertRoutedThroughNat(beta, first);

        // and a retried join (a resumed provision) makes nothing new
        assertThat(cloud.joinSharedNetwork(a, first, "10.40.1.0/24", 8080)).isEqualTo(alpha);

        // when the first environment is deprovisioned (its network steps, as the deprovision runs them)
        cloud.deleteNatInstance(a);
        cloud.deleteNetwork(a);

        // then its subnet, route table and group are gone, nothing tagged with it remains
        assertThat(subnet(alpha.privateSubnetId())).isEmpty();
        assertThat(ec2.describeRouteTables(r -> r.filters(environmentTag(a))).routeTables()).isEmpty();
        assertThat(ec2.describeSecurityGroups(r -> r.filters(environmentTag(a))).securityGroups()).isEmpty();
        assertThat(cloud.remainingResources(a)).isEmpty();
        // and the other environment's part and the shared NAT are untouched
        assertThat(subnet(beta.privateSubnetId())).isPresent();
        assertAdmitsOnlyItself(beta.serviceSecurityGroupId(), alpha.serviceSecurityGroupId());
        assertRoutedThroughNat(beta, first);
        assertThat(liveInstances(networkTag())).singleElement().satisfies(nat -> {
            assertThat(nat.instanceId()).isEqualTo(first.nat().instanceId());
            assertThat(NatResources.stateOf(nat)).isEqualTo(NatState.RUNNING);
        });

        // when the last environment is deprovisioned
        cloud.deleteNatInstance(b);
        cloud.deleteNetwork(b);

        // then the network stays (no surprise teardown of shared infrastructure)
        assertThat(cloud.remainingResources(b)).isEmpty();
        assertThat(ec2.describeVpcs(r -> r.filters(networkTag())).vpcs()).hasSize(1);
        assertThat(liveInstances(networkTag())).hasSize(1);
        assertThat(cloud.remainingNetworkResources(network)).isNotEmpty();

        // when the network is deleted on purpose, nothing tagged with it remains
        cloud.deleteSharedNetwork(network);
        assertThat(cloud.remainingNetworkResources(network)).isEmpty();
        assertThat(ec2.describeVpcs(r -> r.filters(networkTag())).vpcs()).isEmpty();
        assertThat(liveInstances(networkTag())).isEmpty();
    }

    @Test
    void aNetworkOfTwoZonesHasAPublicSubnetPerZoneAndEachEnvironmentAPrivateSubnetPerZoneWhichItsVpcLinkSpans() {
        // given a network of two zones (one NAT instance for both) and an environment provisioned into it
        SharedNetworkSpec twoZones = new SharedNetworkSpec("10.40.0.0/16", "10.40.0.0/24", null, "10.40.1.0/24");
        SharedNetwork shared = cloud.ensureSharedNetwork(network, twoZones, NatSpec.defaults());
        Network alpha = cloud.joinSharedNetwork(a, shared, "10.40.2.0/24", "10.40.3.0/24", 8080);

        // then the network has a public subnet in each of two zones, both routed to its internet gateway
        assertThat(shared.secondAvailabilityZone()).isNotNull().isNotEqualTo(shared.availabilityZone());
        Subnet firstPublic = subnet(shared.publicSubnetId()).orElseThrow();
        Subnet secondPublic = subnet(shared.secondPublicSubnetId()).orElseThrow();
        assertThat(firstPublic.availabilityZone()).isEqualTo(shared.availabilityZone());
        assertThat(secondPublic.availabilityZone()).isEqualTo(shared.secondAvailabilityZone());
        assertThat(secondPublic.cidrBlock()).isEqualTo("10.40.1.0/24");
        RouteTable publicRoutes = ec2.describeRouteTables(r -> r.routeTableIds(shared.publicRouteTableId()))
                .routeTables().get(0);
        assertThat(publicRoutes.associations()).extracting(association -> association.subnetId())
                .contains(shared.publicSubnetId(), shared.secondPublicSubnetId());
        assertThat(liveInstances(networkTag())).as("one NAT instance serves both zones").hasSize(1);

        // and the environment a private subnet in each zone, in the ranges the portal gave, both routed to the NAT
        assertThat(alpha.privateSubnetIds()).hasSize(2).startsWith(alpha.privateSubnetId());
        Subnet inFirst = subnet(alpha.privateSubnetIds().get(0)).orElseThrow();
        Subnet inSecond = subnet(alpha.privateSubnetIds().get(1)).orElseThrow();
        assertThat(List.of(inFirst.availabilityZone(), inSecond.availabilityZone()))
                .containsExactly(shared.availabilityZone(), shared.secondAvailabilityZone());
        assertThat(List.of(inFirst.cidrBlock(), inSecond.cidrBlock())).containsExactly("10.40.2.0/24", "10.40.3.0/24");
        RouteTable routes = ec2.describeRouteTables(r -> r.routeTableIds(alpha.privateRouteTableId())).routeTables()
                .get(0);
        assertThat(routes.associations()).filteredOn(association -> association.subnetId() != null)
                .extracting(association -> association.subnetId())
                .containsExactlyInAnyOrderElementsOf(alpha.privateSubnetIds());
        assertThat(routes.routes()).filteredOn(route -> "0.0.0.0/0".equals(route.destinationCidrBlock()))
                .singleElement().satisfies(route -> assertThat(route.networkInterfaceId())
                        .isEqualTo(shared.nat().networkInterfaceId()));
        // and a retried provision finds what is there
        assertThat(cloud.ensureSharedNetwork(network, twoZones, NatSpec.defaults())).usingRecursiveComparison()
                .ignoringFields("nat.state").isEqualTo(shared);
        assertThat(cloud.joinSharedNetwork(a, shared, "10.40.2.0/24", "10.40.3.0/24", 8080)).isEqualTo(alpha);

        // when its ingress is made, then its VPC link spans both private subnets
        com.mcpportal.portal.cloud.Ingress ingress = cloud.ensureIngress(a, alpha, cloud.ensureServiceDiscovery(a,
                alpha));
        assertThat(moto.clients(REGION).apiGateway().getVpcLink(r -> r.vpcLinkId(ingress.vpcLinkId())).subnetIds())
                .containsExactlyInAnyOrderElementsOf(alpha.privateSubnetIds());

        // and when it is deprovisioned and the network deleted, nothing tagged with either remains
        cloud.deleteIngress(a);
        cloud.deleteServiceDiscovery(a);
        cloud.deleteNetwork(a);
        assertThat(cloud.remainingResources(a)).isEmpty();
        cloud.deleteSharedNetwork(network);
        assertThat(cloud.remainingNetworkResources(network)).isEmpty();
    }

    @Test
    void aNetworkOfTwoZonesWithANatPerZoneRunsOneInEachPublicSubnetAndRoutesEachZoneToItsOwn() {
        // given a network of two zones asked for a NAT instance per zone, and an environment provisioned into it
        SharedNetworkSpec perZone = new SharedNetworkSpec("10.40.0.0/16", "10.40.0.0/24", null, "10.40.1.0/24", true);
        SharedNetwork shared = cloud.ensureSharedNetwork(network, perZone, NatSpec.defaults());
        Network alpha = cloud.joinSharedNetwork(a, shared, "10.40.2.0/24", "10.40.3.0/24", 8080);

        // then two NAT instances run, tagged with the network and each with its zone, one in each public subnet
        assertThat(shared.secondNat()).isNotNull();
        assertThat(shared.secondNat().instanceId()).isNotEqualTo(shared.nat().instanceId());
        List<Instance> nats = liveInstances(networkTag());
        assertThat(nats).extracting(Instance::instanceId)
                .containsExactlyInAnyOrder(shared.nat().instanceId(), shared.secondNat().instanceId());
        Instance inFirst = nats.stream().filter(i -> i.instanceId().equals(shared.nat().instanceId())).findFirst()
                .orElseThrow();
        Instance inSecond = nats.stream().filter(i -> i.instanceId().equals(shared.secondNat().instanceId()))
                .findFirst().orElseThrow();
        assertThat(inFirst.subnetId()).isEqualTo(shared.publicSubnetId());
        assertThat(inSecond.subnetId()).isEqualTo(shared.secondPublicSubnetId());
        assertThat(inFirst.tags()).anySatisfy(tag -> {
            assertThat(tag.key()).isEqualTo(SharedNetworkResources.TAG_ZONE);
            assertThat(tag.value()).isEqualTo(shared.availabilityZone());
        });
        assertThat(inSecond.tags()).anySatisfy(tag -> {
            assertThat(tag.key()).isEqualTo(SharedNetworkResources.TAG_ZONE);
            assertThat(tag.value()).isEqualTo(shared.secondAvailabilityZone());
        });

        // and the environment's first-zone subnet routes to the first NAT, its second-zone subnet to the second
        assertThat(defaultRouteInterfaceOf(alpha.privateSubnetIds().get(0)))
                .isEqualTo(shared.nat().networkInterfaceId());
        assertThat(defaultRouteInterfaceOf(alpha.privateSubnetIds().get(1)))
                .isEqualTo(shared.secondNat().networkInterfaceId());
        // and a retried provision finds both NATs and launches no third
        assertThat(cloud.ensureSharedNetwork(network, perZone, NatSpec.defaults())).usingRecursiveComparison()
                .ignoringFields("nat.state", "secondNat.state").isEqualTo(shared);
        assertThat(cloud.joinSharedNetwork(a, shared, "10.40.2.0/24", "10.40.3.0/24", 8080)).isEqualTo(alpha);
        assertThat(liveInstances(networkTag())).hasSize(2);

        // when the network's NAT is stopped and started, then both are
        assertThat(cloud.stopSharedNat(network)).isEqualTo(NatState.STOPPED);
        assertThat(instanceStates(shared)).containsOnly("stopped");
        assertThat(cloud.startSharedNat(network)).isEqualTo(NatState.RUNNING);
        assertThat(instanceStates(shared)).containsOnly("running");

        // and when the environment is deprovisioned and the network deleted, both NATs and all else are gone
        cloud.deleteNetwork(a);
        assertThat(cloud.remainingResources(a)).isEmpty();
        cloud.deleteSharedNetwork(network);
        assertThat(liveInstances(networkTag())).isEmpty();
        assertThat(cloud.remainingNetworkResources(network)).isEmpty();
    }

    @Test
    void anEnvironmentJoinedWhileOneNatServedBothZonesMovesItsSecondSubnetToTheSecondNatOnItsNextProvision() {
        // given an environment in a network of two zones that runs one NAT for both (as built before a NAT per zone)
        SharedNetwork one = cloud.ensureSharedNetwork(network, new SharedNetworkSpec("10.40.0.0/16", "10.40.0.0/24",
                null, "10.40.1.0/24"), NatSpec.defaults());
        Network before = cloud.joinSharedNetwork(a, one, "10.40.2.0/24", "10.40.3.0/24", 8080);
        assertThat(defaultRouteInterfaceOf(before.privateSubnetIds().get(1))).isEqualTo(one.nat().networkInterfaceId());

        // when it is provisioned again with a NAT per zone
        SharedNetwork perZone = cloud.ensureSharedNetwork(network, new SharedNetworkSpec("10.40.0.0/16",
                "10.40.0.0/24", null, "10.40.1.0/24", true), NatSpec.defaults());
        Network after = cloud.joinSharedNetwork(a, perZone, "10.40.2.0/24", "10.40.3.0/24", 8080);

        // then the first NAT is kept, a second one runs, and each subnet routes to its own zone's NAT
        assertThat(perZone.nat().instanceId()).isEqualTo(one.nat().instanceId());
        assertThat(liveInstances(networkTag())).hasSize(2);
        assertThat(after.privateSubnetIds()).isEqualTo(before.privateSubnetIds());
        assertThat(defaultRouteInterfaceOf(after.privateSubnetIds().get(0))).isEqualTo(one.nat().networkInterfaceId());
        assertThat(defaultRouteInterfaceOf(after.privateSubnetIds().get(1)))
                .isEqualTo(perZone.secondNat().networkInterfaceId());

        cloud.deleteNetwork(a);
        cloud.deleteSharedNetwork(network);
        assertThat(cloud.remainingNetworkResources(network)).isEmpty();
    }

    private String defaultRouteInterfaceOf(String subnetId) {
        RouteTable table = ec2.describeRouteTables(r -> r.filters(Filter.builder().name("association.subnet-id")
                .values(subnetId).build())).routeTables().stream().findFirst().orElseThrow();
        return table.routes().stream().filter(route -> "0.0.0.0/0".equals(route.destinationCidrBlock()))
                .findFirst().orElseThrow().networkInterfaceId();
    }

    private List<String> instanceStates(SharedNetwork shared) {
        return ec2.describeInstances(r -> r.instanceIds(shared.nat().instanceId(), shared.secondNat().instanceId()))
                .reservations().stream().flatMap(reservation -> reservation.instances().stream())
                .map(instance -> instance.state().nameAsString()).toList();
    }

    @Test
    void aNetworkWithAnEnvironmentInItIsNotDeletedAndItsNatKeepsRunning() {
        // given a network with one environment in it
        SharedNetwork shared = cloud.ensureSharedNetwork(network, SPEC, NatSpec.defaults());
        Network alpha = cloud.joinSharedNetwork(a, shared, "10.40.1.0/24", 8080);

        // when the network is deleted, it is refused before anything is touched
        assertThatThrownBy(() -> cloud.deleteSharedNetwork(network)).isInstanceOfSatisfying(CloudException.class,
                e -> assertThat(e.getMessage()).contains("still has environments' subnets")
                        .contains(alpha.privateSubnetId()));
        assertThat(liveInstances(networkTag())).singleElement()
                .satisfies(nat -> assertThat(NatResources.stateOf(nat)).isEqualTo(NatState.RUNNING));
        assertRoutedThroughNat(alpha, shared);

        // and once the environment is gone it is
        cloud.deleteNetwork(a);
        cloud.deleteSharedNetwork(network);
        assertThat(cloud.remainingNetworkResources(network)).isEmpty();
    }

    private void assertAdmitsOnlyItself(String groupId, String otherGroupId) {
        SecurityGroup group = ec2.describeSecurityGroups(r -> r.groupIds(groupId)).securityGroups().get(0);
        assertThat(group.ipPermissions()).as("ingress rules of %s", groupId).singleElement().satisfies(rule -> {
            assertThat(rule.ipProtocol()).isEqualTo("tcp");
            assertThat(rule.fromPort()).isEqualTo(8080);
            assertThat(rule.toPort()).isEqualTo(8080);
            assertThat(rule.ipRanges()).as("no address range is admitted").isEmpty();
            assertThat(rule.ipv6Ranges()).isEmpty();
            assertThat(sources(rule)).containsExactly(groupId).doesNotContain(otherGroupId);
        });
    }

    private void assertRoutedThroughNat(Network environment, SharedNetwork shared) {
        RouteTable table = ec2.describeRouteTables(r -> r.routeTableIds(environment.privateRouteTableId()))
                .routeTables().get(0);
        assertThat(table.vpcId()).isEqualTo(shared.vpcId());
        assertThat(table.associations()).filteredOn(association -> association.subnetId() != null)
                .extracting(association -> association.subnetId()).containsExactly(environment.privateSubnetId());
        assertThat(table.routes()).filteredOn(route -> "0.0.0.0/0".equals(route.destinationCidrBlock()))
                .singleElement().satisfies(route -> assertThat(route.networkInterfaceId())
                        .isEqualTo(shared.nat().networkInterfaceId()));
    }

    private static List<String> sources(IpPermission rule) {
        return rule.userIdGroupPairs().stream().map(pair -> pair.groupId()).toList();
    }

    private Optional<Subnet> subnet(String subnetId) {
        return ec2.describeSubnets(r -> r.filters(Filter.builder().name("subnet-id").values(subnetId).build()))
                .subnets().stream().findFirst();
    }

    private List<Instance> liveInstances(List<Filter> tagged) {
        List<Filter> filters = new java.util.ArrayList<>(tagged);
        filters.add(Filter.builder().name("instance-state-name").values("pending", "running", "stopping", "stopped")
                .build());
        return ec2.describeInstances(r -> r.filters(filters)).reservations().stream()
                .flatMap(reservation -> reservation.instances().stream()).toList();
    }

    private List<Filter> networkTag() {
        return List.of(Filter.builder().name("tag:" + SharedNetworkRef.TAG_NETWORK_ID).values(network.tagValue())
                .build());
    }

    private static List<Filter> environmentTag(EnvironmentRef env) {
        return List.of(Filter.builder().name("tag:" + EnvironmentRef.TAG_ENVIRONMENT_ID).values(env.environmentId())
                .build());
    }
}
