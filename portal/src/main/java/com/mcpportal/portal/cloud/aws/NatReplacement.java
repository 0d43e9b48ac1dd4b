package com.mcpportal.portal.cloud.aws;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.MachineImage;
import com.mcpportal.portal.cloud.NatImageStatus;
import com.mcpportal.portal.cloud.NatInstance;
import com.mcpportal.portal.cloud.NatState;
import com.mcpportal.portal.cloud.Network;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceBlockDeviceMapping;
import software.amazon.awssdk.services.ec2.model.InstanceStatus;
import software.amazon.awssdk.services.ec2.model.InstanceStatusSummary;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Keeps the NAT instance on the latest AMI: whether it is ({@link #status}), and replacing it
 * ({@link #replace}, the port's {@code replaceNatInstance}). A run keeps no state of its own: it finds everything by
 * the environment's tags again, in an order that is safe to stop anywhere and run again.
 * <ol>
 * <li>The replacement: the NAT if it is on the latest AMI, else a live NAT instance on that AMI (launched by an
 *     interrupted run), else one launched now with the current NAT's settings and only the image changed.</li>
 * <li>It boots and passes EC2's status checks: its user data configures forwarding on first boot, and it must not
 *     be stopped before.</li>
 * <li>Its source/dest check goes off and the private default route moves to its network interface.</li>
 * <li>Only then every other NAT instance is terminated, so a crash never leaves the route on a dead interface.</li>
 * <li>It is left running or stopped, as asked.</li>
 * </ol>
 * The user data is the NAT step's script for the VPC's CIDR ({@link NatUserData}), a function of the CIDR alone and
 * so the script the old instance booted with; it is not read back from the old instance, because
 * {@code ec2:DescribeInstanceAttribute} would let the portal read every instance's user data in the account.
 */
final class NatReplacement {

    private static final Comparator<Instance> NEWEST = Comparator
            .comparing((Instance i) -> i.launchTime() == null ? Instant.EPOCH : i.launchTime())
            .thenComparing(Instance::instanceId, Comparator.nullsFirst(Comparator.naturalOrder()));

    private final NatResources nat;
    private final Waiter waiter;

    NatReplacement(NatResources nat, Waiter waiter) {
        this.nat = nat;
        this.waiter = waiter;
    }

    Optional<NatImageStatus> status(Ec2Client ec2, SsmClient ssm, EnvironmentRef env) {
        List<Instance> live = nat.live(ec2, env);
        Optional<Instance> found = nat.current(ec2, env, live);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Instance current = found.get();
        String latest = nat.latestImageId(ssm, nat.architectureOf(ec2, current));
        String running = AwsAnswers.required(current.imageId(), "ec2", "the NAT instance's image id");
        Map<String, MachineImage> images = images(ec2, running, latest);
        return Optional.of(new NatImageStatus(nat.natInstance(current, groups(current).stream().findFirst()
                .orElse(null)), images.get(running), images.get(latest), live.size()));
    }

    NatInstance replace(Ec2Client ec2, SsmClient ssm, EnvironmentRef env, Network network, NatState endState,
            String launchToken) {
        if (endState != NatState.RUNNING && endState != NatState.STOPPED) {
            throw new IllegalArgumentException("A replaced NAT ends running or stopped, not " + endState);
        }
        List<Instance> live = nat.live(ec2, env);
        Instance current = nat.current(ec2, env, live).orElseThrow(() -> NatResources.noNat(env));
        String latest = nat.latestImageId(ssm, nat.architectureOf(ec2, current));
        Instance replacement = (latest.equals(current.imageId()) ? Optional.of(current)
                : live.stream().filter(instance -> latest.equals(instance.imageId())).max(NEWEST))
                .orElseGet(() -> nat.launch(ec2, env, copyOf(ec2, current, latest, network), launchToken));
        String kept = AwsAnswers.required(replacement.instanceId(), "ec2", "the NAT instance's id");
        replacement = booted(ec2, replacement);
        nat.disableSourceDestCheck(ec2, replacement);
        nat.routePrivateTrafficThrough(ec2, network.privateRouteTableId(),
                NatResources.primaryInterface(replacement));
        nat.terminate(ec2, live.stream().filter(instance -> !kept.equals(instance.instanceId())).toList());
        NatState state = endState == NatState.STOPPED ? nat.stop(ec2, replacement) : nat.start(ec2, replacement);
        NatInstance now = nat.natInstance(nat.describe(ec2, kept).orElse(replacement),
                groups(replacement).stream().findFirst().orElse(null));
        return new NatInstance(now.instanceId(), now.networkInterfaceId(), now.securityGroupId(), now.imageId(),
                now.instanceType(), state, now.publicIp());
    }

    /** The current NAT's launch settings with the image changed. */
    private NatResources.NatLaunch copyOf(Ec2Client ec2, Instance current, String imageId, Network network) {
        List<String> groups = groups(current);
        if (groups.isEmpty()) {
            throw new CloudException(CloudErrorKind.FAILED, null, "ec2", "IncompleteAnswer", "NAT instance "
                    + current.instanceId() + " reports no security group; retry the step", null);
        }
        String subnet = current.subnetId() != null ? current.subnetId() : network.publicSubnetId();
        boolean spot = "spot".equals(current.instanceLifecycleAsString());
        String httpTokens = current.metadataOptions() == null || current.metadataOptions().httpTokensAsString() == null
                ? "required" : current.metadataOptions().httpTokensAsString();
        return new NatResources.NatLaunch(imageId, AwsAnswers.required(current.instanceTypeAsString(), "ec2",
                "the NAT instance's type"), spot, subnet, groups, NatUserData.encoded(network.vpcCidr()), httpTokens,
                rootVolumeSize(ec2, current));
    }

    /** The security groups of the instance's primary interface (the NAT step puts its one group there). */
    private static List<String> groups(Instance instance) {
        List<String> onInterface = instance.networkInterfaces().stream()
                .filter(n -> n.attachment() == null || n.attachment().deviceIndex() == null
                        || n.attachment().deviceIndex() == 0)
                .findFirst().map(n -> n.groups().stream().map(GroupIdentifier::groupId).toList()).orElse(List.of());
        return onInterface.isEmpty() ? instance.securityGroups().stream().map(GroupIdentifier::groupId).toList()
                : onInterface;
    }

    /** The size of the instance's root volume, so a replacement's is never smaller; 0 when unknown. */
    private static int rootVolumeSize(Ec2Client ec2, Instance instance) {
        Optional<String> volume = instance.blockDeviceMappings().stream()
                .filter(m -> m.ebs() != null && m.ebs().volumeId() != null)
                .sorted(Comparator.comparing((InstanceBlockDeviceMapping m) ->
                        !Objects.equals(m.deviceName(), instance.rootDeviceName())))
                .map(m -> m.ebs().volumeId()).findFirst();
        return volume.flatMap(id -> ec2.describeVolumes(r -> r.volumeIds(id)).volumes().stream().findFirst())
                .map(v -> AwsAnswers.count(v.size())).orElse(0);
    }

    /** Waits, if it has not yet been stopped, until the instance runs and passes its status checks. */
    private Instance booted(Ec2Client ec2, Instance instance) {
        NatState state = NatResources.stateOf(instance);
        if (state == NatState.STOPPING || state == NatState.STOPPED) {
            return instance; // a replacement is stopped only after its checks passed: it has booted once
        }
        String id = instance.instanceId();
        waiter.whileNotFound(() -> nat.await(ec2, id, NatState.RUNNING));
        waiter.until("NAT instance " + id + " passing its status checks", () -> ec2.describeInstanceStatus(
                        r -> r.instanceIds(id).includeAllInstances(true)).instanceStatuses().stream().findFirst(),
                found -> found.map(s -> ok(s.instanceStatus()) && ok(s.systemStatus())).orElse(false),
                found -> found.map(NatReplacement::describe).orElse("no status yet"));
        return nat.describe(ec2, id).orElse(instance);
    }

    private static boolean ok(InstanceStatusSummary summary) {
        return summary != null && "ok".equals(summary.statusAsString());
    }

    private static String describe(InstanceStatus status) {
        return "instance " + (status.instanceStatus() == null ? "?" : status.instanceStatus().statusAsString())
                + ", system " + (status.systemStatus() == null ? "?" : status.systemStatus().statusAsString());
    }

    /** The AMIs by id, with name and creation date where EC2 still knows them (a filter: unknown ids are no error). */
    private static Map<String, MachineImage> images(Ec2Client ec2, String... ids) {
        Map<String, MachineImage> found = ec2.describeImages(r -> r.filters(Filter.builder().name("image-id")
                        .values(ids).build()).includeDeprecated(true)).images().stream()
                .filter(image -> image.imageId() != null)
                .collect(Collectors.toMap(Image::imageId, NatReplacement::machineImage, (a, b) -> a));
        for (String id : ids) {
            found.putIfAbsent(id, MachineImage.of(id));
        }
        return found;
    }

    private static MachineImage machineImage(Image image) {
        Instant created = null;
        try {
            created = image.creationDate() == null ? null : Instant.parse(image.creationDate());
        } catch (DateTimeParseException unreadable) {
            // the date stays unknown
        }
        return new MachineImage(image.imageId(), image.name(), created);
    }
}
