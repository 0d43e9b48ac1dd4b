package com.mcpportal.portal.environment.operation;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.Ingress;
import com.mcpportal.portal.cloud.NatInstance;
import com.mcpportal.portal.cloud.NatSpec;
import com.mcpportal.portal.cloud.NatState;
import com.mcpportal.portal.cloud.Network;
import com.mcpportal.portal.cloud.NetworkSpec;
import com.mcpportal.portal.cloud.ServiceRef;
import com.mcpportal.portal.cloud.SharedNetwork;
import com.mcpportal.portal.environment.EnvironmentPower;
import com.mcpportal.portal.environment.NetworkMoveDirection;
import com.mcpportal.portal.environment.SharedNetworkPlacement;

import static com.mcpportal.portal.environment.operation.ProvisionSteps.require;

/**
 * Moving a ready environment between its own network and a shared one, either way, in an order that keeps the
 * interruption to one new deployment and never leaves the service without a NAT: the environment's part of the new
 * network first (its subnet and security group in the shared VPC, or its own VPC again), that network's NAT running
 * before the service moves in, a task definition for the new VPC range, then the service and its VPC link moved,
 * then what it had in the old network deleted (its own VPC and NAT instance, or its subnet and group in the shared
 * one, whose NAT then stops if no other environment needs it), and last the portal's record of where it is. Each step
 * is idempotent, so a retry resumes where it failed; while it runs the environment counts for both networks' NATs.
 */
final class MoveSteps {

    static final List<CloudStep> STEPS = List.of(
            new CloudStep("move-network", "Its part of the network it moves to", MoveSteps::network),
            new CloudStep("move-nat", "The new network's NAT instance running", MoveSteps::nat),
            new CloudStep("move-task-definition", "Task definition for the new network",
                    ProvisionSteps::taskDefinition),
            new CloudStep("move-service", "Service moved: one new deployment (the interruption)", MoveSteps::service),
            new CloudStep("move-ingress", "HTTPS endpoint: same URL, its VPC link in the new network",
                    MoveSteps::ingress),
            new CloudStep("leave-network", "What it had in the old network deleted", MoveSteps::leave),
            new CloudStep("record-network", "The portal records its new network", MoveSteps::record));

    private static final DateTimeFormatter UTC_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    /** The environment being moved and which way. */
    record Move(long environmentId, NetworkMoveDirection direction) {

        boolean into() {
            return direction == NetworkMoveDirection.INTO;
        }
    }

    private MoveSteps() {
    }

    private static StepOutcome network(StepContext c) {
        Move move = move(c);
        SharedNetworkPlacement placement = c.sharedNetwork();
        int port = NetworkSpec.defaults().containerPort();
        if (!move.into()) {
            Network own = c.cloud().networkMove().ownNetwork(c.ref(), NetworkSpec.defaults());
            return StepOutcome.of(c.resources().withNetwork(own), "its own network again: " + own.vpcId() + " ("
                    + own.vpcCidr() + "), subnets " + own.publicSubnetId() + " / " + own.privateSubnetId());
        }
        SharedNetwork shared = c.networks().exclusively(placement.networkId(), () -> c.cloud()
                .ensureSharedNetwork(c.sharedNetworkRef(), placement.spec(), NatSpec.defaults()));
        Network joined = c.cloud().networkMove().joinShared(c.ref(), shared, placement.privateSubnetCidr(),
                placement.secondPrivateSubnetCidr(), port);
        return StepOutcome.of(c.resources().withNetwork(joined).withNat(shared.nat()), "shared network "
                + placement.networkName() + ": its own subnet " + joined.privateSubnetId() + " ("
                + placement.privateSubnetCidr() + ") and security group " + joined.serviceSecurityGroupId()
                + " in " + joined.vpcId() + ", routed through the shared NAT " + shared.nat().instanceId());
    }

    /**
     * Into a shared network: its NAT started (and a deferred stop dropped) under the network's lock, as a start does,
     * before the service moves in; an environment that is off leaves it to its next start. Out of one: its own NAT
     * instance, stopped again when the environment is off.
     */
    private static StepOutcome nat(StepContext c) {
        Move move = move(c);
        boolean off = c.power() == EnvironmentPower.OFF;
        if (move.into()) {
            String name = c.sharedNetwork().networkName();
            if (off) {
                return StepOutcome.of(c.resources(), "the environment is off: the NAT of network " + name
                        + " starts with its next start");
            }
            NatState state = c.networks().exclusively(c.sharedNetwork().networkId(), () -> {
                if (c.natStops() != null) {
                    c.natStops().cancel();
                }
                return c.cloud().startSharedNat(c.sharedNetworkRef());
            });
            return StepOutcome.of(c.resources(), "the NAT instance of network " + name + " "
                    + state.name().toLowerCase() + " before the service moves in");
        }
        NatInstance nat = c.cloud().ensureNatInstance(c.ref(), require(c.resources().network(), "move-network"),
                c.spec().nat());
        if (off && nat.state() != NatState.STOPPED) {
            NatState stopped = c.cloud().stopNat(c.ref());
            nat = new NatInstance(nat.instanceId(), nat.networkInterfaceId(), nat.securityGroupId(), nat.imageId(),
                    nat.instanceType(), stopped, nat.publicIp());
        }
        return StepOutcome.of(c.resources().withNat(nat), "its own NAT instance " + nat.instanceId() + " ("
                + nat.instanceType() + ") " + nat.state().name().toLowerCase());
    }

    private static StepOutcome service(StepContext c) {
        move(c);
        ServiceRef service = c.cloud().networkMove().moveService(c.ref(), require(c.resources().network(),
                "move-network"), require(c.resources().taskDefinition(), "move-task-definition"));
        return StepOutcome.of(c.resources().withService(service), service.serviceName() + " in subnet "
                + c.resources().network().privateSubnetId() + ", task definition revision "
                + c.resources().taskDefinition().revision() + (service.desiredCount() == 0
                        ? "; off, so nothing was interrupted" : ": one new deployment, healthy"));
    }

    private static StepOutcome ingress(StepContext c) {
        move(c);
        Ingress ingress = c.cloud().networkMove().moveIngress(c.ref(), require(c.resources().network(),
                "move-network"), require(c.resources().discovery(), "service-discovery"));
        return StepOutcome.of(c.resources().withIngress(ingress), ingress.mcpUrl() + " (unchanged), VPC link "
                + ingress.vpcLinkId());
    }

    /**
     * Into: its own NAT instance terminated, then its own VPC with all in it. Out: its subnet, route table and group in
     * the shared network; that network is kept even when it was the last one in it, and its NAT goes as a stop would
     * let it go (deferred by the union schedule's lag) when no other environment needs it.
     */
    private static StepOutcome leave(StepContext c) {
        Move move = move(c);
        Network kept = require(c.resources().network(), "move-network");
        if (move.into()) {
            c.cloud().deleteNatInstance(c.ref());
            c.cloud().networkMove().leaveOtherNetworks(c.ref(), kept);
            return StepOutcome.of(c.resources(), "its own VPC, subnets, internet gateway, routes, security groups and"
                    + " NAT instance deleted");
        }
        c.cloud().networkMove().leaveOtherNetworks(c.ref(), kept);
        String name = c.sharedNetwork().networkName();
        String left = "its subnet, route table and security group in network " + name + " deleted; the network stays";
        return c.networks().exclusively(c.sharedNetwork().networkId(), () -> {
            if (c.othersNeedSharedNat().getAsBoolean()) {
                return StepOutcome.of(c.resources(), left + ", its NAT on for its other environments");
            }
            Optional<Instant> later = c.natStops() == null ? Optional.empty() : c.natStops().defer();
            if (later.isPresent()) {
                return StepOutcome.of(c.resources(), left + "; no other environment needs its NAT, which stops at "
                        + UTC_MINUTE.format(later.get()) + " UTC unless one starts before");
            }
            c.cloud().stopSharedNat(c.sharedNetworkRef());
            return StepOutcome.audited(c.resources(), left + "; its NAT stopped: no other environment of network "
                    + name + " is on", AuditEntry.success("environment.shared-nat.stopped").detail("network", name));
        });
    }

    private static StepOutcome record(StepContext c) {
        if (c.move() == null) {
            return StepOutcome.of(c.resources(), "recorded already");
        }
        c.networks().completeMove(c.move().environmentId());
        return StepOutcome.of(c.resources(), c.move().into() ? "a member of network "
                + c.sharedNetwork().networkName() + " from now: its schedule and cost split count it"
                : "in its own network from now; its subnet range in " + c.sharedNetwork().networkName()
                        + " is released");
    }

    private static Move move(StepContext c) {
        if (c.move() == null || c.sharedNetwork() == null) {
            throw new CloudException(CloudErrorKind.INVALID_REQUEST, null, "portal", "NoMoveRecorded",
                    "The portal has no network move recorded for this environment; ask for the move again.", null);
        }
        return c.move();
    }
}
