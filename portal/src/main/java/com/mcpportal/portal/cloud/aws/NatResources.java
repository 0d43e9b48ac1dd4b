package com.mcpportal.portal.cloud.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.NatInstance;
import com.mcpportal.portal.cloud.NatSpec;
import com.mcpportal.portal.cloud.NatState;
import com.mcpportal.portal.cloud.Network;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.BlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterface;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ssm.SsmClient;

/** The environment's NAT instance: launch, source/dest check off, the private default route, power. */
final class NatResources {

    static final String NAT = "nat";

    private final SecurityGroups securityGroups;
    private final Waiter waiter;
    private final AwsSettings settings;

    NatResources(Waiter waiter, AwsSettings settings) {
        this.waiter = waiter;
        this.settings = settings;
        this.securityGroups = new SecurityGroups(waiter);
    }

    /**
     * What a NAT instance is launched with. The NAT step fills it from the environment's settings; a replacement
     * copies it from the instance it replaces, with only the image changed.
     *
     * @param httpTokens           IMDS: {@code required} (IMDSv2 only) for every NAT the portal launches
     * @param minimumRootVolumeGiB the root volume is the image's size, or this if larger
     */
    record NatLaunch(String imageId, String instanceType, boolean spot, String subnetId, List<String> groupIds,
            String userData, String httpTokens, int minimumRootVolumeGiB) {
    }

    /**
     * A client token for one run of the NAT step. EC2 answers a token it has seen (for at least 24 hours, even
     * after the instance was terminated) with that launch's instance, so a token is never reused across runs:
     * a replaced NAT would get the dead one back. Within a run, its retries share it, so a launch whose answer was
     * lost is returned rather than repeated; across runs (Retry, a resume after a crash) the lookup by tag finds
     * what an earlier run launched, as the tags are set by the launch itself.
     */
    static String newLaunchToken() {
        return "nat-" + UUID.randomUUID();
    }

    NatInstance ensure(Ec2Client ec2, SsmClient ssm, EnvironmentRef env, Network network, NatSpec spec,
            String launchToken) {
        String groupId = securityGroups.ensureNat(ec2, env, network.vpcId(), network.vpcCidr());
        Instance instance = find(ec2, env).orElseGet(() -> launch(ec2, env, new NatLaunch(
                latestImageId(ssm, architectureOf(ec2, spec.instanceType())), spec.instanceType(), spec.spot(),
                network.publicSubnetId(), List.of(groupId), NatUserData.encoded(network.vpcCidr()), "required",
                spec.minimumRootVolumeGiB()), launchToken));
        disableSourceDestCheck(ec2, instance);
        routePrivateTrafficThrough(ec2, network.privateRouteTableId(), primaryInterface(instance));
        return natInstance(instance, groupId);
    }

    NatState start(Ec2Client ec2, EnvironmentRef env) {
        return start(ec2, require(ec2, env));
    }

    NatState stop(Ec2Client ec2, EnvironmentRef env) {
        return stop(ec2, require(ec2, env));
    }

    NatState start(Ec2Client ec2, Instance instance) {
        NatState state = stateOf(instance);
        if (state == NatState.STOPPING) {
            state = await(ec2, instance.instanceId(), NatState.STOPPED);
        }
        if (state == NatState.STOPPED) {
            ec2.startInstances(r -> r.instanceIds(instance.instanceId()));
        }
        return await(ec2, instance.instanceId(), NatState.RUNNING);
    }

    NatState stop(Ec2Client ec2, Instance instance) {
        NatState state = stateOf(instance);
        if (state == NatState.PENDING) {
            state = await(ec2, instance.instanceId(), NatState.RUNNING);
        }
        if (state == NatState.RUNNING) {
            ec2.stopInstances(r -> r.instanceIds(instance.instanceId()));
        }
        return await(ec2, instance.instanceId(), NatState.STOPPED);
    }

    NatState state(Ec2Client ec2, EnvironmentRef env) {
        return find(ec2, env).map(NatResources::stateOf).orElse(NatState.NONE);
    }

    void delete(Ec2Client ec2, EnvironmentRef env) {
        List<Instance> instances = live(ec2, env);
        terminate(ec2, instances);
        // The security group stays in use until the instance is fully gone.
        instances.forEach(instance -> await(ec2, instance.instanceId(), NatState.TERMINATED));
        securityGroups.deleteNat(ec2, env);
    }

    /** Terminates the instances, cancelling their spot requests first. */
    void terminate(Ec2Client ec2, List<Instance> instances) {
        for (Instance instance : instances) {
            if (instance.spotInstanceRequestId() != null) {
                // A persistent spot request would launch a replacement for a terminated instance.
                AwsErrors.ignoringNotFound(() -> ec2.cancelSpotInstanceRequests(
                        r -> r.spotInstanceRequestIds(instance.spotInstanceRequestId())));
            }
        }
        if (!instances.isEmpty()) {
            List<String> ids = instances.stream().map(Instance::instanceId).toList();
            ec2.terminateInstances(r -> r.instanceIds(ids));
        }
    }

    Instance launch(Ec2Client ec2, EnvironmentRef env, NatLaunch launch, String launchToken) {
        return launch(ec2, AwsTags.Owner.of(env), launch, launchToken);
    }

    /** Launches a NAT instance tagged with its owner: an environment, or a shared network. */
    Instance launch(Ec2Client ec2, AwsTags.Owner owner, NatLaunch launch, String launchToken) {
        Image image = describeImage(ec2, launch.imageId());
        int imageSize = image.blockDeviceMappings().stream()
                .filter(m -> Objects.equals(m.deviceName(), image.rootDeviceName()) && m.ebs() != null)
                .map(m -> m.ebs().volumeSize()).filter(Objects::nonNull).findFirst().orElse(2);
        int volumeSize = Math.max(imageSize, launch.minimumRootVolumeGiB());
        return ec2.runInstances(r -> {
            r.imageId(launch.imageId()).instanceType(launch.instanceType()).minCount(1).maxCount(1)
                    .clientToken(launchToken)
                    .userData(launch.userData())
                    .networkInterfaces(n -> n.deviceIndex(0).subnetId(launch.subnetId()).groups(launch.groupIds())
                            .associatePublicIpAddress(true).deleteOnTermination(true))
                    .blockDeviceMappings(BlockDeviceMapping.builder().deviceName(image.rootDeviceName())
                            .ebs(e -> e.volumeSize(volumeSize).volumeType("gp3").deleteOnTermination(true)
                                    .encrypted(true))
                            .build())
                    .metadataOptions(m -> m.httpTokens(launch.httpTokens()))
                    .tagSpecifications(owner.ec2(ResourceType.INSTANCE, NAT),
                            owner.ec2(ResourceType.VOLUME, NAT),
                            owner.ec2(ResourceType.NETWORK_INTERFACE, NAT));
            if (launch.spot()) {
                // Only a persistent request that stops on interruption can be stopped off-hours.
                r.instanceMarketOptions(m -> m.marketType("spot").spotOptions(
                        s -> s.spotInstanceType("persistent").instanceInterruptionBehavior("stop")));
            }
        }).instances().stream().findFirst().orElseThrow(() -> new CloudException(CloudErrorKind.FAILED, null, "ec2",
                "IncompleteAnswer", "RunInstances answered without the instance; retry the step", null));
    }

    Image describeImage(Ec2Client ec2, String imageId) {
        return ec2.describeImages(r -> r.imageIds(imageId)).images().stream().findFirst()
                .orElseThrow(() -> new CloudException(CloudErrorKind.NOT_FOUND, null, "ec2", null,
                        "AMI " + imageId + " not found", null));
    }

    /** The id of the latest AMI published for the architecture, from the NAT image parameter. */
    String latestImageId(SsmClient ssm, Architecture architecture) {
        String name = settings.natImageParameterFor(architecture);
        return AwsAnswers.required(AwsAnswers.required(ssm.getParameter(r -> r.name(name)).parameter(), "ssm",
                "the parameter " + name).value(), "ssm", "the value of " + name);
    }

    Architecture architectureOf(Ec2Client ec2, String instanceType) {
        List<String> architectures = ec2.describeInstanceTypes(r -> r.instanceTypesWithStrings(instanceType))
                .instanceTypes().stream().findFirst()
                .map(t -> t.processorInfo() == null ? List.<String>of()
                        : t.processorInfo().supportedArchitecturesAsStrings())
                .orElseThrow(() -> new CloudException(CloudErrorKind.INVALID_REQUEST, null, "ec2", null,
                        "Unknown instance type " + instanceType, null));
        return architectures.contains("arm64") ? Architecture.ARM64 : Architecture.X86_64;
    }

    /** The instance's architecture as EC2 reports it, else its instance type's. */
    Architecture architectureOf(Ec2Client ec2, Instance instance) {
        String reported = instance.architectureAsString();
        for (Architecture architecture : Architecture.values()) {
            if (architecture.ec2Name().equals(reported)) {
                return architecture;
            }
        }
        return architectureOf(ec2, AwsAnswers.required(instance.instanceTypeAsString(), "ec2",
                "the NAT instance's type"));
    }

    void disableSourceDestCheck(Ec2Client ec2, Instance instance) {
        if (!Boolean.FALSE.equals(instance.sourceDestCheck())) {
            // A NAT forwards packets that are neither from nor to itself.
            waiter.whileNotFound(() -> ec2.modifyInstanceAttribute(r -> r.instanceId(instance.instanceId())
                    .sourceDestCheck(AttributeBooleanValue.builder().value(false).build())));
        }
    }

    /** The instance's network interface at device index 0: where the private route sends traffic. */
    static String primaryInterface(Instance instance) {
        return instance.networkInterfaces().stream().filter(n -> n.attachment() == null
                        || n.attachment().deviceIndex() == null || n.attachment().deviceIndex() == 0)
                .map(InstanceNetworkInterface::networkInterfaceId).filter(Objects::nonNull).findFirst()
                .orElseThrow(() -> new CloudException(CloudErrorKind.NOT_FOUND, null, "ec2", null,
                        "NAT instance " + instance.instanceId() + " has no network interface yet", null));
    }

    void routePrivateTrafficThrough(Ec2Client ec2, String routeTableId, String eni) {
        NetworkResources.ensureDefaultRoute(ec2, waiter, routeTable(ec2, routeTableId), null, eni);
    }

    RouteTable routeTable(Ec2Client ec2, String routeTableId) {
        return ec2.describeRouteTables(r -> r.routeTableIds(routeTableId)).routeTables().stream()
                .findFirst().orElseThrow(() -> new CloudException(CloudErrorKind.NOT_FOUND, null, "ec2", null,
                        "Route table " + routeTableId + " not found", null));
    }

    /** The network interfaces the default routes of the tables lead to. */
    static Set<String> routedInterfaces(List<RouteTable> tables) {
        return tables.stream().flatMap(table -> table.routes().stream())
                .filter(route -> NetworkResources.ANYWHERE.equals(route.destinationCidrBlock()))
                .map(Route::networkInterfaceId).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    NatInstance natInstance(Instance instance, String groupId) {
        return new NatInstance(instance.instanceId(), primaryInterface(instance), groupId, instance.imageId(),
                instance.instanceTypeAsString(), stateOf(instance), instance.publicIpAddress());
    }

    /**
     * The environment's NAT instance. Two are alive only while a replacement runs or after one was interrupted:
     * then the NAT is the one the private route leads to (the replacement once the route has moved), so start, stop
     * and the NAT step act on the instance that carries the traffic.
     */
    private Optional<Instance> find(Ec2Client ec2, EnvironmentRef env) {
        return current(ec2, env, live(ec2, env));
    }

    Optional<Instance> current(Ec2Client ec2, EnvironmentRef env, List<Instance> live) {
        if (live.size() <= 1) {
            return live.stream().findFirst();
        }
        Set<String> routed = routedInterfaces(ec2.describeRouteTables(r -> r.filters(AwsTags.ec2Filters(env,
                NetworkResources.PRIVATE_ROUTES))).routeTables());
        return live.stream().filter(instance -> instance.networkInterfaces().stream()
                        .anyMatch(n -> routed.contains(n.networkInterfaceId()))).findFirst()
                .or(() -> NetworkResources.first(live, Instance::instanceId));
    }

    private Instance require(Ec2Client ec2, EnvironmentRef env) {
        return find(ec2, env).orElseThrow(() -> noNat(env));
    }

    static CloudException noNat(EnvironmentRef env) {
        return new CloudException(CloudErrorKind.INVALID_REQUEST, null, "ec2", null, "Environment "
                + env.environmentId() + " has no NAT instance; provision it first", null);
    }

    /** The environment's NAT instances that are not terminated or terminating. */
    List<Instance> live(Ec2Client ec2, EnvironmentRef env) {
        return live(ec2, AwsTags.Owner.of(env));
    }

    /** The owner's NAT instances that are not terminated or terminating. */
    List<Instance> live(Ec2Client ec2, AwsTags.Owner owner) {
        List<Filter> filters = new ArrayList<>(owner.filters(NAT));
        filters.add(Filter.builder().name("instance-state-name").values("pending", "running", "stopping", "stopped")
                .build());
        return ec2.describeInstances(r -> r.filters(filters)).reservations().stream()
                .flatMap(reservation -> reservation.instances().stream()).toList();
    }

    /** The instance as EC2 describes it now (terminated when it is gone). */
    Optional<Instance> describe(Ec2Client ec2, String instanceId) {
        return ec2.describeInstances(r -> r.instanceIds(instanceId)).reservations().stream()
                .flatMap(reservation -> reservation.instances().stream()).findFirst();
    }

    NatState await(Ec2Client ec2, String instanceId, NatState wanted) {
        return waiter.until("NAT instance " + instanceId + " " + wanted.name().toLowerCase(), () -> describe(ec2,
                        instanceId).map(NatResources::stateOf).orElse(NatState.TERMINATED),
                state -> state == wanted, NatState::name);
    }

    // An answer without a state (or with one newer than this code) reads as pending: not settled yet.
    static NatState stateOf(Instance instance) {
        String name = instance.state() == null ? null : instance.state().nameAsString();
        try {
            return name == null ? NatState.PENDING : NatState.fromEc2(name);
        } catch (IllegalArgumentException unknown) {
            return NatState.PENDING;
        }
    }
}
