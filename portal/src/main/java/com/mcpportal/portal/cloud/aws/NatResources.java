package com.mcpportal.portal.cloud.aws;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

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
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ssm.SsmClient;

/** The environment's NAT instance: launch, source/dest check off, the private default route, power. */
final class NatResources {

    static final String NAT = "nat";
    static final String AMI_PARAMETER = "/aws/service/ami-amazon-linux-latest/al2023-ami-minimal-kernel-default-";

    private final SecurityGroups securityGroups;
    private final Waiter waiter;

    NatResources(Waiter waiter) {
        this.waiter = waiter;
        this.securityGroups = new SecurityGroups(waiter);
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
        Instance instance = find(ec2, env).orElseGet(() -> launch(ec2, ssm, env, network, spec, groupId,
                launchToken));
        if (!Boolean.FALSE.equals(instance.sourceDestCheck())) {
            // A NAT forwards packets that are neither from nor to itself.
            waiter.whileNotFound(() -> ec2.modifyInstanceAttribute(r -> r.instanceId(instance.instanceId())
                    .sourceDestCheck(AttributeBooleanValue.builder().value(false).build())));
        }
        String eni = instance.networkInterfaces().stream().filter(n -> n.attachment() == null
                        || n.attachment().deviceIndex() == null || n.attachment().deviceIndex() == 0)
                .map(InstanceNetworkInterface::networkInterfaceId).filter(Objects::nonNull).findFirst()
                .orElseThrow(() -> new CloudException(CloudErrorKind.NOT_FOUND, null, "ec2", null,
                        "NAT instance " + instance.instanceId() + " has no network interface yet", null));
        routePrivateTrafficThrough(ec2, network.privateRouteTableId(), eni);
        return new NatInstance(instance.instanceId(), eni, groupId, instance.imageId(), instance.instanceTypeAsString(),
                stateOf(instance), instance.publicIpAddress());
    }

    NatState start(Ec2Client ec2, EnvironmentRef env) {
        Instance instance = require(ec2, env);
        NatState state = stateOf(instance);
        if (state == NatState.STOPPING) {
            state = await(ec2, instance.instanceId(), NatState.STOPPED);
        }
        if (state == NatState.STOPPED) {
            ec2.startInstances(r -> r.instanceIds(instance.instanceId()));
        }
        return await(ec2, instance.instanceId(), NatState.RUNNING);
    }

    NatState stop(Ec2Client ec2, EnvironmentRef env) {
        Instance instance = require(ec2, env);
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
            // The security group stays in use until the instance is fully gone.
            ids.forEach(id -> await(ec2, id, NatState.TERMINATED));
        }
        securityGroups.deleteNat(ec2, env);
    }

    private Instance launch(Ec2Client ec2, SsmClient ssm, EnvironmentRef env, Network network, NatSpec spec,
            String groupId, String launchToken) {
        Architecture architecture = architectureOf(ec2, spec.instanceType());
        String imageId = AwsAnswers.required(ssm.getParameter(r -> r.name(AMI_PARAMETER + architecture.ec2Name()))
                .parameter(), "ssm", "the AMI parameter").value();
        Image image = ec2.describeImages(r -> r.imageIds(imageId)).images().stream().findFirst()
                .orElseThrow(() -> new CloudException(CloudErrorKind.NOT_FOUND, null, "ec2", null,
                        "AMI " + imageId + " not found", null));
        int imageSize = image.blockDeviceMappings().stream()
                .filter(m -> Objects.equals(m.deviceName(), image.rootDeviceName()) && m.ebs() != null)
                .map(m -> m.ebs().volumeSize()).filter(Objects::nonNull).findFirst().orElse(2);
        int volumeSize = Math.max(imageSize, spec.minimumRootVolumeGiB());
        return ec2.runInstances(r -> {
            r.imageId(imageId).instanceType(spec.instanceType()).minCount(1).maxCount(1)
                    .clientToken(launchToken)
                    .userData(NatUserData.encoded(network.vpcCidr()))
                    .networkInterfaces(n -> n.deviceIndex(0).subnetId(network.publicSubnetId()).groups(groupId)
                            .associatePublicIpAddress(true).deleteOnTermination(true))
                    .blockDeviceMappings(BlockDeviceMapping.builder().deviceName(image.rootDeviceName())
                            .ebs(e -> e.volumeSize(volumeSize).volumeType("gp3").deleteOnTermination(true)
                                    .encrypted(true))
                            .build())
                    .metadataOptions(m -> m.httpTokens("required"))
                    .tagSpecifications(AwsTags.ec2(ResourceType.INSTANCE, env, NAT),
                            AwsTags.ec2(ResourceType.VOLUME, env, NAT),
                            AwsTags.ec2(ResourceType.NETWORK_INTERFACE, env, NAT));
            if (spec.spot()) {
                // Only a persistent request that stops on interruption can be stopped off-hours.
                r.instanceMarketOptions(m -> m.marketType("spot").spotOptions(
                        s -> s.spotInstanceType("persistent").instanceInterruptionBehavior("stop")));
            }
        }).instances().stream().findFirst().orElseThrow(() -> new CloudException(CloudErrorKind.FAILED, null, "ec2",
                "IncompleteAnswer", "RunInstances answered without the instance; retry the step", null));
    }

    private Architecture architectureOf(Ec2Client ec2, String instanceType) {
        List<String> architectures = ec2.describeInstanceTypes(r -> r.instanceTypesWithStrings(instanceType))
                .instanceTypes().stream().findFirst()
                .map(t -> t.processorInfo() == null ? List.<String>of()
                        : t.processorInfo().supportedArchitecturesAsStrings())
                .orElseThrow(() -> new CloudException(CloudErrorKind.INVALID_REQUEST, null, "ec2", null,
                        "Unknown instance type " + instanceType, null));
        return architectures.contains("arm64") ? Architecture.ARM64 : Architecture.X86_64;
    }

    private void routePrivateTrafficThrough(Ec2Client ec2, String routeTableId, String eni) {
        RouteTable table = ec2.describeRouteTables(r -> r.routeTableIds(routeTableId)).routeTables().stream()
                .findFirst().orElseThrow(() -> new CloudException(CloudErrorKind.NOT_FOUND, null, "ec2", null,
                        "Route table " + routeTableId + " not found", null));
        NetworkResources.ensureDefaultRoute(ec2, waiter, table, null, eni);
    }

    private Optional<Instance> find(Ec2Client ec2, EnvironmentRef env) {
        return NetworkResources.first(live(ec2, env), Instance::instanceId);
    }

    private Instance require(Ec2Client ec2, EnvironmentRef env) {
        return find(ec2, env).orElseThrow(() -> new CloudException(CloudErrorKind.INVALID_REQUEST, null, "ec2",
                null, "Environment " + env.environmentId() + " has no NAT instance; provision it first", null));
    }

    private List<Instance> live(Ec2Client ec2, EnvironmentRef env) {
        List<Filter> filters = new java.util.ArrayList<>(AwsTags.ec2Filters(env, NAT));
        filters.add(Filter.builder().name("instance-state-name").values("pending", "running", "stopping", "stopped")
                .build());
        return ec2.describeInstances(r -> r.filters(filters)).reservations().stream()
                .flatMap(reservation -> reservation.instances().stream()).toList();
    }

    private NatState await(Ec2Client ec2, String instanceId, NatState wanted) {
        return waiter.until("NAT instance " + instanceId + " " + wanted.name().toLowerCase(), () -> ec2
                        .describeInstances(r -> r.instanceIds(instanceId)).reservations().stream()
                        .flatMap(reservation -> reservation.instances().stream()).findFirst()
                        .map(NatResources::stateOf).orElse(NatState.TERMINATED),
                state -> state == wanted, NatState::name);
    }

    // An answer without a state (or with one newer than this code) reads as pending: not settled yet.
    private static NatState stateOf(Instance instance) {
        String name = instance.state() == null ? null : instance.state().nameAsString();
        try {
            return name == null ? NatState.PENDING : NatState.fromEc2(name);
        } catch (IllegalArgumentException unknown) {
            return NatState.PENDING;
        }
    }
}
