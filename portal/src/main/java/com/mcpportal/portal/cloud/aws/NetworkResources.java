package com.mcpportal.portal.cloud.aws;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.Network;
import com.mcpportal.portal.cloud.NetworkSpec;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Vpc;

/** The environment's VPC, subnets, internet gateway and route tables (EC2). */
final class NetworkResources {

    static final String VPC = "vpc";
    static final String PUBLIC_SUBNET = "public-subnet";
    static final String PRIVATE_SUBNET = "private-subnet";
    static final String INTERNET_GATEWAY = "internet-gateway";
    static final String PUBLIC_ROUTES = "public-route-table";
    static final String PRIVATE_ROUTES = "private-route-table";
    static final String ANYWHERE = "0.0.0.0/0";

    private final SecurityGroups securityGroups;
    private final Waiter waiter;

    NetworkResources(Waiter waiter) {
        this.waiter = waiter;
        this.securityGroups = new SecurityGroups(waiter);
    }

    Network ensure(Ec2Client ec2, EnvironmentRef env, NetworkSpec spec) {
        Vpc vpc = first(ec2.describeVpcs(r -> r.filters(AwsTags.ec2Filters(env, VPC))).vpcs(), Vpc::vpcId)
                .orElseGet(() -> ec2.createVpc(r -> r.cidrBlock(spec.vpcCidr())
                        .tagSpecifications(AwsTags.ec2(ResourceType.VPC, env, VPC))).vpc());
        String vpcId = AwsAnswers.required(vpc == null ? null : vpc.vpcId(), "ec2", "the VPC id");
        // Both are needed for Cloud Map private DNS; setting them again is harmless and heals a crash mid-step.
        waiter.whileNotFound(() -> ec2.modifyVpcAttribute(r -> r.vpcId(vpcId).enableDnsSupport(on())));
        ec2.modifyVpcAttribute(r -> r.vpcId(vpcId).enableDnsHostnames(on()));

        // One lookup for both subnets (and one for both route tables): each is told apart by its component tag.
        // Within this VPC only: while the environment moves out of a shared network it has a subnet there too.
        List<Filter> tagged = AwsTags.ec2Filters(env, null);
        List<Subnet> subnets = inVpc(ec2.describeSubnets(r -> r.filters(tagged)).subnets(), Subnet::vpcId, vpcId);
        Optional<Subnet> existingPublic = first(ofComponent(subnets, Subnet::tags, PUBLIC_SUBNET), Subnet::subnetId);
        Optional<Subnet> existingPrivate = first(ofComponent(subnets, Subnet::tags, PRIVATE_SUBNET),
                Subnet::subnetId);
        String zone = existingPublic.or(() -> existingPrivate).map(Subnet::availabilityZone)
                .orElseGet(() -> spec.availabilityZone() != null ? spec.availabilityZone() : firstZone(ec2));
        AwsTags.Owner owner = AwsTags.Owner.of(env);
        Subnet publicSubnet = existingPublic
                .orElseGet(() -> createSubnet(ec2, owner, vpcId, spec.publicSubnetCidr(), zone, PUBLIC_SUBNET));
        Subnet privateSubnet = existingPrivate
                .orElseGet(() -> createSubnet(ec2, owner, vpcId, spec.privateSubnetCidr(), zone, PRIVATE_SUBNET));
        String publicSubnetId = AwsAnswers.required(publicSubnet.subnetId(), "ec2", "the public subnet's id");
        String privateSubnetId = AwsAnswers.required(privateSubnet.subnetId(), "ec2", "the private subnet's id");

        String gatewayId = ensureInternetGateway(ec2, owner, vpcId);
        List<RouteTable> tables = inVpc(ec2.describeRouteTables(r -> r.filters(tagged)).routeTables(),
                RouteTable::vpcId, vpcId);
        RouteTable publicRoutes = ensureRouteTable(ec2, owner, vpcId, tables, PUBLIC_ROUTES, publicSubnetId);
        ensureDefaultRoute(ec2, waiter, publicRoutes, gatewayId, null);
        RouteTable privateRoutes = ensureRouteTable(ec2, owner, vpcId, tables, PRIVATE_ROUTES, privateSubnetId);
        String serviceGroup = securityGroups.ensureService(ec2, env, vpcId, vpc.cidrBlock(), spec.containerPort());
        return new Network(vpcId, vpc.cidrBlock(), zone, publicSubnetId, privateSubnetId,
                gatewayId, publicRoutes.routeTableId(), privateRoutes.routeTableId(), serviceGroup,
                spec.containerPort());
    }

    /**
     * Deletes everything tagged with the environment, dependants first: its own VPC and all in it, or in a shared
     * network its private subnet, route table and security group (the network's resources carry no environment tag).
     */
    void delete(Ec2Client ec2, EnvironmentRef env) {
        delete(ec2, AwsTags.ec2Filters(env, null));
    }

    /**
     * Deletes what carries the environment's tag in any VPC but {@code keptVpcId}: after a move, its own VPC and all
     * in it, or its subnet, route table and security group in the shared network it left. Each is told apart by its
     * VPC as EC2 reports it (an internet gateway by its attachment), read from one tag lookup per kind.
     */
    void deleteOutside(Ec2Client ec2, EnvironmentRef env, String keptVpcId) {
        List<Filter> tagged = AwsTags.ec2Filters(env, null);
        Predicate<String> elsewhere = vpcId -> vpcId != null && !vpcId.equals(keptVpcId);
        securityGroups.delete(ec2, tagged, elsewhere);
        delete(ec2, tagged, elsewhere);
    }

    /** Deletes every security group, route table, internet gateway, subnet and VPC the filters find. */
    void delete(Ec2Client ec2, List<Filter> tagged) {
        securityGroups.delete(ec2, tagged);
        delete(ec2, tagged, vpcId -> true);
    }

    private void delete(Ec2Client ec2, List<Filter> tagged, Predicate<String> inVpc) {
        for (RouteTable table : ec2.describeRouteTables(r -> r.filters(tagged)).routeTables().stream()
                .filter(t -> inVpc.test(t.vpcId())).toList()) {
            table.associations().stream().filter(a -> !Boolean.TRUE.equals(a.main())).forEach(a -> AwsErrors
                    .ignoringNotFound(() -> ec2.disassociateRouteTable(r -> r.associationId(a.routeTableAssociationId()))));
            AwsErrors.ignoringNotFound(() -> ec2.deleteRouteTable(r -> r.routeTableId(table.routeTableId())));
        }
        for (InternetGateway gateway : ec2.describeInternetGateways(r -> r.filters(tagged)).internetGateways()
                .stream().filter(g -> g.attachments().isEmpty() ? inVpc.test("detached")
                        : g.attachments().stream().anyMatch(a -> inVpc.test(a.vpcId()))).toList()) {
            gateway.attachments().forEach(a -> AwsErrors.ignoringNotFound(() -> ec2.detachInternetGateway(
                    r -> r.internetGatewayId(gateway.internetGatewayId()).vpcId(a.vpcId()))));
            AwsErrors.ignoringNotFound(
                    () -> ec2.deleteInternetGateway(r -> r.internetGatewayId(gateway.internetGatewayId())));
        }
        for (Subnet subnet : inVpc(ec2.describeSubnets(r -> r.filters(tagged)).subnets(), Subnet::vpcId, inVpc)) {
            AwsErrors.ignoringNotFound(() -> ec2.deleteSubnet(r -> r.subnetId(subnet.subnetId())));
        }
        for (Vpc vpc : inVpc(ec2.describeVpcs(r -> r.filters(tagged)).vpcs(), Vpc::vpcId, inVpc)) {
            AwsErrors.ignoringNotFound(() -> ec2.deleteVpc(r -> r.vpcId(vpc.vpcId())));
        }
    }

    static <T> List<T> inVpc(List<T> found, Function<T, String> vpcOf, String vpcId) {
        return inVpc(found, vpcOf, vpcId::equals);
    }

    static <T> List<T> inVpc(List<T> found, Function<T, String> vpcOf, Predicate<String> vpc) {
        return found.stream().filter(resource -> vpc.test(vpcOf.apply(resource))).toList();
    }

    static <T> List<T> ofComponent(List<T> found, Function<T, List<Tag>> tags, String component) {
        return found.stream().filter(resource -> tags.apply(resource).stream().anyMatch(tag ->
                EnvironmentRef.TAG_COMPONENT.equals(tag.key()) && component.equals(tag.value()))).toList();
    }

    Subnet createSubnet(Ec2Client ec2, AwsTags.Owner owner, String vpcId, String cidr, String zone,
            String component) {
        return AwsAnswers.required(waiter.whileNotFound(() -> ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock(cidr)
                .availabilityZone(zone).tagSpecifications(owner.ec2(ResourceType.SUBNET, component))))
                .subnet(), "ec2", "the new subnet");
    }

    /** The next available zone after {@code zone}, by name (a network's second zone). */
    String zoneAfter(Ec2Client ec2, String zone) {
        return ec2.describeAvailabilityZones(r -> r.filters(
                        Filter.builder().name("state").values("available").build(),
                        Filter.builder().name("zone-type").values("availability-zone").build()))
                .availabilityZones().stream().map(z -> z.zoneName()).filter(Objects::nonNull).sorted()
                .filter(name -> name.compareTo(zone) > 0).findFirst()
                .orElseThrow(() -> new CloudException(CloudErrorKind.INVALID_REQUEST, null, "ec2", null,
                        "The region has no second available availability zone after " + zone, null));
    }

    String firstZone(Ec2Client ec2) {
        return ec2.describeAvailabilityZones(r -> r.filters(
                        Filter.builder().name("state").values("available").build(),
                        Filter.builder().name("zone-type").values("availability-zone").build()))
                .availabilityZones().stream().map(z -> z.zoneName()).filter(Objects::nonNull).sorted().findFirst()
                .orElseThrow(() -> new CloudException(CloudErrorKind.INVALID_REQUEST, null, "ec2", null,
                        "The region has no available availability zone", null));
    }

    String ensureInternetGateway(Ec2Client ec2, AwsTags.Owner owner, String vpcId) {
        InternetGateway gateway = first(ec2.describeInternetGateways(r -> r.filters(owner.filters(
                INTERNET_GATEWAY))).internetGateways(), InternetGateway::internetGatewayId)
                .orElseGet(() -> AwsAnswers.required(ec2.createInternetGateway(r -> r.tagSpecifications(
                        owner.ec2(ResourceType.INTERNET_GATEWAY, INTERNET_GATEWAY))).internetGateway(), "ec2",
                        "the new internet gateway"));
        if (gateway.attachments().stream().noneMatch(a -> vpcId.equals(a.vpcId()))) {
            waiter.whileNotFound(() -> ec2.attachInternetGateway(
                    r -> r.internetGatewayId(gateway.internetGatewayId()).vpcId(vpcId)));
        }
        return gateway.internetGatewayId();
    }

    RouteTable ensureRouteTable(Ec2Client ec2, AwsTags.Owner owner, String vpcId, List<RouteTable> tables,
            String component, String subnetId) {
        RouteTable table = first(ofComponent(tables, RouteTable::tags, component), RouteTable::routeTableId)
                .orElseGet(() -> AwsAnswers.required(waiter.whileNotFound(() -> ec2.createRouteTable(r -> r
                        .vpcId(vpcId).tagSpecifications(owner.ec2(ResourceType.ROUTE_TABLE, component))))
                        .routeTable(), "ec2", "the new route table"));
        if (table.associations().stream().noneMatch(a -> subnetId.equals(a.subnetId()))) {
            waiter.whileNotFound(() -> ec2.associateRouteTable(
                    r -> r.routeTableId(table.routeTableId()).subnetId(subnetId)));
        }
        return table;
    }

    /**
     * Points a table's {@code 0.0.0.0/0} route at the gateway or network interface: created when
     * missing, replaced when it points elsewhere (e.g. at a replaced NAT instance), else left alone.
     */
    static void ensureDefaultRoute(Ec2Client ec2, Waiter waiter, RouteTable table, String gatewayId, String eniId) {
        Optional<Route> current = table.routes().stream()
                .filter(route -> ANYWHERE.equals(route.destinationCidrBlock())).findFirst();
        if (current.isEmpty()) {
            waiter.whileNotFound(() -> ec2.createRoute(r -> r.routeTableId(table.routeTableId())
                    .destinationCidrBlock(ANYWHERE).gatewayId(gatewayId).networkInterfaceId(eniId)));
        } else if (!Objects.equals(gatewayId, current.get().gatewayId())
                || !Objects.equals(eniId, current.get().networkInterfaceId())) {
            waiter.whileNotFound(() -> ec2.replaceRoute(r -> r.routeTableId(table.routeTableId())
                    .destinationCidrBlock(ANYWHERE).gatewayId(gatewayId).networkInterfaceId(eniId)));
        }
    }

    // If an earlier bug or race left two, always pick the same one; deprovision removes all.
    static <T> Optional<T> first(List<T> found, Function<T, String> id) {
        return found.stream().min(Comparator.comparing(id, Comparator.nullsLast(Comparator.naturalOrder())));
    }

    static AttributeBooleanValue on() {
        return AttributeBooleanValue.builder().value(true).build();
    }
}
