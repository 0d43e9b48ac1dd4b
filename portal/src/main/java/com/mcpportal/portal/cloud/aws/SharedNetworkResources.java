package com.mcpportal.portal.cloud.aws;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.NatInstance;
import com.mcpportal.portal.cloud.NatSpec;
import com.mcpportal.portal.cloud.NatState;
import com.mcpportal.portal.cloud.Network;
import com.mcpportal.portal.cloud.SharedNetwork;
import com.mcpportal.portal.cloud.SharedNetworkRef;
import com.mcpportal.portal.cloud.SharedNetworkSpec;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * A shared network (EC2): its own VPC, public subnet, internet gateway, public route table, NAT security group and NAT
 * instance, all tagged with the network's id; and each environment's part in it, tagged with the environment: a private
 * subnet, a private route table to the shared NAT and a security group that admits only the environment itself.
 * A network of two zones asked for a NAT instance per zone runs a second one in the second zone's public subnet, tagged
 * with the network and its zone; each environment's second-zone subnet routes to it.
 * Each resource is found by its tags before it is made, as in an environment's own network.
 */
final class SharedNetworkResources {

    /** The component tags of the second zone's subnets (the first zone's keep their one-zone names). */
    static final String SECOND_PUBLIC_SUBNET = "public-subnet-2";
    static final String SECOND_PRIVATE_SUBNET = "private-subnet-2";
    /** The route table of an environment's second-zone subnet when that zone has its own NAT instance. */
    static final String SECOND_PRIVATE_ROUTES = "private-route-table-2";
    /** The tag naming a shared NAT instance's availability zone. */
    static final String TAG_ZONE = "mcp-portal:availability-zone";
    private static final String SECOND_NAT_TOKEN = "2";

    private final NetworkResources networks;
    private final NatResources nat;
    private final SecurityGroups securityGroups;
    private final Waiter waiter;

    SharedNetworkResources(NetworkResources networks, NatResources nat, Waiter waiter) {
        this.networks = networks;
        this.nat = nat;
        this.waiter = waiter;
        this.securityGroups = new SecurityGroups(waiter);
    }

    SharedNetwork ensure(Ec2Client ec2, SsmClient ssm, SharedNetworkRef ref, SharedNetworkSpec spec, NatSpec natSpec,
            String launchToken) {
        AwsTags.Owner owner = AwsTags.Owner.of(ref);
        Vpc vpc = NetworkResources.first(ec2.describeVpcs(r -> r.filters(owner.filters(NetworkResources.VPC)))
                .vpcs(), Vpc::vpcId).orElseGet(() -> ec2.createVpc(r -> r.cidrBlock(spec.vpcCidr())
                        .tagSpecifications(owner.ec2(ResourceType.VPC, NetworkResources.VPC))).vpc());
        String vpcId = AwsAnswers.required(vpc == null ? null : vpc.vpcId(), "ec2", "the VPC id");
        String vpcCidr = AwsAnswers.required(vpc.cidrBlock(), "ec2", "the VPC's range");
        // Cloud Map's private DNS needs both; setting them again is harmless and heals a crash mid-step.
        waiter.whileNotFound(() -> ec2.modifyVpcAttribute(r -> r.vpcId(vpcId).enableDnsSupport(NetworkResources.on())));
        ec2.modifyVpcAttribute(r -> r.vpcId(vpcId).enableDnsHostnames(NetworkResources.on()));

        Optional<Subnet> existing = NetworkResources.first(ec2.describeSubnets(r -> r.filters(owner.filters(
                NetworkResources.PUBLIC_SUBNET))).subnets(), Subnet::subnetId);
        String zone = existing.map(Subnet::availabilityZone).orElseGet(() -> spec.availabilityZone() != null
                ? spec.availabilityZone() : networks.firstZone(ec2));
        Subnet publicSubnet = existing.orElseGet(() -> networks.createSubnet(ec2, owner, vpcId,
                spec.publicSubnetCidr(), zone, NetworkResources.PUBLIC_SUBNET));
        String publicSubnetId = AwsAnswers.required(publicSubnet.subnetId(), "ec2", "the public subnet's id");

        String gatewayId = networks.ensureInternetGateway(ec2, owner, vpcId);
        List<RouteTable> tables = ec2.describeRouteTables(r -> r.filters(owner.filters(null))).routeTables();
        RouteTable publicRoutes = networks.ensureRouteTable(ec2, owner, vpcId, tables,
                NetworkResources.PUBLIC_ROUTES, publicSubnetId);
        NetworkResources.ensureDefaultRoute(ec2, waiter, publicRoutes, gatewayId, null);
        Subnet secondPublic = spec.secondPublicSubnetCidr() == null ? null
                : secondSubnet(ec2, owner, vpcId, SECOND_PUBLIC_SUBNET, spec.secondPublicSubnetCidr(), zone, null);
        if (secondPublic != null) {
            networks.ensureRouteTable(ec2, owner, vpcId, ec2.describeRouteTables(r -> r.filters(owner.filters(null)))
                    .routeTables(), NetworkResources.PUBLIC_ROUTES, secondPublic.subnetId());
        }

        String natGroup = securityGroups.ensureNat(ec2, owner, vpcId, vpcCidr);
        List<Instance> live = nat.live(ec2, owner);
        NatResources.NatLaunch launch = null;
        Instance instance = natIn(live, publicSubnetId).orElse(null);
        if (instance == null) {
            launch = natLaunch(ssm, ec2, natSpec, publicSubnetId, natGroup, vpcCidr);
            instance = nat.launch(ec2, owner, launch, launchToken);
        }
        zoneTag(ec2, instance, zone);
        nat.disableSourceDestCheck(ec2, instance);
        NatInstance secondNat = null;
        if (spec.secondNat() && secondPublic != null) {
            String secondSubnetId = secondPublic.subnetId();
            Instance second = natIn(live, secondSubnetId).orElse(null);
            if (second == null) {
                NatResources.NatLaunch first = launch != null ? launch
                        : natLaunch(ssm, ec2, natSpec, publicSubnetId, natGroup, vpcCidr);
                // Its own client token: the same token with another subnet is a mismatch, not a retry.
                second = nat.launch(ec2, owner, new NatResources.NatLaunch(first.imageId(), first.instanceType(),
                        first.spot(), secondSubnetId, first.groupIds(), first.userData(), first.httpTokens(),
                        first.minimumRootVolumeGiB()), launchToken + "-" + SECOND_NAT_TOKEN);
            }
            zoneTag(ec2, second, secondPublic.availabilityZone());
            nat.disableSourceDestCheck(ec2, second);
            secondNat = nat.natInstance(second, natGroup);
        }
        return new SharedNetwork(vpcId, vpcCidr, zone, publicSubnetId, gatewayId, publicRoutes.routeTableId(),
                nat.natInstance(instance, natGroup), secondPublic == null ? null : secondPublic.availabilityZone(),
                secondPublic == null ? null : secondPublic.subnetId(), secondNat);
    }

    private NatResources.NatLaunch natLaunch(SsmClient ssm, Ec2Client ec2, NatSpec natSpec, String subnetId,
            String natGroup, String vpcCidr) {
        return new NatResources.NatLaunch(nat.latestImageId(ssm, nat.architectureOf(ec2, natSpec.instanceType())),
                natSpec.instanceType(), natSpec.spot(), subnetId, List.of(natGroup), NatUserData.encoded(vpcCidr),
                "required", natSpec.minimumRootVolumeGiB());
    }

    /** The NAT instance in a zone's public subnet, found by EC2's own answer (a NAT never moves subnet). */
    private static Optional<Instance> natIn(List<Instance> live, String publicSubnetId) {
        return NetworkResources.first(live.stream().filter(instance -> publicSubnetId.equals(instance.subnetId()))
                .toList(), Instance::instanceId);
    }

    /** Tags a NAT instance with its zone, so a reader of the console tells the two apart; tagging again is harmless. */
    private static void zoneTag(Ec2Client ec2, Instance instance, String zone) {
        ec2.createTags(r -> r.resources(instance.instanceId()).tags(Tag.builder().key(TAG_ZONE).value(zone).build()));
    }

    /**
     * The owner's subnet of the second zone, found by its component tag or made in the next available zone after
     * {@code firstZone} ({@code zone} when given: an environment's second subnet goes in the network's second zone).
     */
    private Subnet secondSubnet(Ec2Client ec2, AwsTags.Owner owner, String vpcId, String component, String cidr,
            String firstZone, String zone) {
        // Within the VPC: an environment moving in still has its own VPC's parts, tagged alike.
        return NetworkResources.first(NetworkResources.inVpc(ec2.describeSubnets(r -> r.filters(
                        owner.filters(component))).subnets(), Subnet::vpcId, vpcId), Subnet::subnetId).orElseGet(() -> networks.createSubnet(ec2, owner, vpcId, cidr,
                        zone != null ? zone : networks.zoneAfter(ec2, firstZone), component));
    }

    /**
     * The environment's private subnet (one per zone of the network), its route table to the shared NAT (associated
     * with both when one NAT serves both zones; with a NAT per zone the second subnet has its own route table to the
     * second zone's NAT) and its own security group.
     */
    Network join(Ec2Client ec2, EnvironmentRef env, SharedNetwork shared, String privateSubnetCidr,
            String secondPrivateSubnetCidr, int port) {
        AwsTags.Owner owner = AwsTags.Owner.of(env);
        // In the shared VPC only: an environment moving in still has its own VPC's subnets, tagged alike.
        Subnet subnet = NetworkResources.first(NetworkResources.inVpc(ec2.describeSubnets(r -> r.filters(
                        owner.filters(NetworkResources.PRIVATE_SUBNET))).subnets(), Subnet::vpcId, shared.vpcId()),
                        Subnet::subnetId)
                .orElseGet(() -> networks.createSubnet(ec2, owner, shared.vpcId(), privateSubnetCidr,
                        shared.availabilityZone(), NetworkResources.PRIVATE_SUBNET));
        String subnetId = AwsAnswers.required(subnet.subnetId(), "ec2", "the private subnet's id");
        List<RouteTable> tables = tablesIn(ec2, owner, shared.vpcId());
        RouteTable routes = networks.ensureRouteTable(ec2, owner, shared.vpcId(), tables,
                NetworkResources.PRIVATE_ROUTES, subnetId);
        NetworkResources.ensureDefaultRoute(ec2, waiter, routes, null, shared.nat().networkInterfaceId());
        List<String> subnetIds = List.of(subnetId);
        if (secondPrivateSubnetCidr != null && shared.secondAvailabilityZone() != null) {
            String second = AwsAnswers.required(secondSubnet(ec2, owner, shared.vpcId(), SECOND_PRIVATE_SUBNET,
                    secondPrivateSubnetCidr, shared.availabilityZone(), shared.secondAvailabilityZone()).subnetId(),
                    "ec2", "the second private subnet's id");
            if (shared.secondNat() == null) {
                networks.ensureRouteTable(ec2, owner, shared.vpcId(), tablesIn(ec2, owner, shared.vpcId()),
                        NetworkResources.PRIVATE_ROUTES, second);
            } else {
                // Joined before the network had its second NAT: the subnet leaves the first table to join its own
                // (EC2 refuses a second association); it has no explicit table for the moment in between.
                routes.associations().stream().filter(association -> second.equals(association.subnetId()))
                        .forEach(association -> ec2.disassociateRouteTable(r -> r.associationId(
                                association.routeTableAssociationId())));
                RouteTable secondRoutes = networks.ensureRouteTable(ec2, owner, shared.vpcId(),
                        tablesIn(ec2, owner, shared.vpcId()), SECOND_PRIVATE_ROUTES, second);
                NetworkResources.ensureDefaultRoute(ec2, waiter, secondRoutes, null,
                        shared.secondNat().networkInterfaceId());
            }
            subnetIds = List.of(subnetId, second);
        }
        String group = securityGroups.ensureServiceAmongItself(ec2, env, shared.vpcId(), port);
        return new Network(shared.vpcId(), shared.vpcCidr(), shared.availabilityZone(), shared.publicSubnetId(),
                subnetId, shared.internetGatewayId(), shared.publicRouteTableId(), routes.routeTableId(), group, port,
                subnetIds);
    }

    /** The environment's route tables in the VPC (it may have others in its own VPC while it moves). */
    private static List<RouteTable> tablesIn(Ec2Client ec2, AwsTags.Owner owner, String vpcId) {
        return NetworkResources.inVpc(ec2.describeRouteTables(r -> r.filters(owner.filters(null))).routeTables(),
                RouteTable::vpcId, vpcId);
    }

    /** Starts every NAT instance of the network (one per zone, or one) and waits until each runs. */
    NatState startNat(Ec2Client ec2, SharedNetworkRef ref) {
        return eachNat(ec2, ref, instance -> nat.start(ec2, instance));
    }

    /** Stops every NAT instance of the network and waits until each is stopped. */
    NatState stopNat(Ec2Client ec2, SharedNetworkRef ref) {
        return eachNat(ec2, ref, instance -> nat.stop(ec2, instance));
    }

    private NatState eachNat(Ec2Client ec2, SharedNetworkRef ref, Function<Instance, NatState> move) {
        List<Instance> instances = nat.live(ec2, AwsTags.Owner.of(ref));
        if (instances.isEmpty()) {
            throw new CloudException(CloudErrorKind.INVALID_REQUEST, null, "ec2", null,
                    "Network " + ref.name() + " has no NAT instance; provision an environment into it first", null);
        }
        NatState state = null;
        for (Instance instance : instances) {
            state = move.apply(instance);
        }
        return state;
    }

    /** The NAT instance (terminated and awaited: its group and interface stay in use until then), then the rest. */
    void delete(Ec2Client ec2, SharedNetworkRef ref) {
        AwsTags.Owner owner = AwsTags.Owner.of(ref);
        // Checked before anything is touched: an environment's subnet means the NAT still carries its traffic.
        for (Vpc vpc : ec2.describeVpcs(r -> r.filters(owner.filters(NetworkResources.VPC))).vpcs()) {
            List<String> others = ec2.describeSubnets(r -> r.filters(Filter.builder().name("vpc-id")
                            .values(vpc.vpcId()).build())).subnets().stream()
                    .filter(subnet -> subnet.tags().stream().noneMatch(tag -> SharedNetworkRef.TAG_NETWORK_ID
                            .equals(tag.key()) && ref.tagValue().equals(tag.value())))
                    .map(Subnet::subnetId).toList();
            if (!others.isEmpty()) {
                throw new CloudException(CloudErrorKind.INVALID_REQUEST, null, "ec2", "DependencyViolation",
                        "Network " + ref.name() + " still has environments' subnets (" + String.join(", ", others)
                                + "); deprovision them first. Nothing was deleted.", null);
            }
        }
        List<Instance> instances = nat.live(ec2, owner);
        nat.terminate(ec2, instances);
        instances.forEach(instance -> nat.await(ec2, instance.instanceId(), NatState.TERMINATED));
        networks.delete(ec2, owner.filters(null));
    }
}
