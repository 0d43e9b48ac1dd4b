package com.mcpportal.portal.environment.operation;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.cloud.NatInstance;
import com.mcpportal.portal.cloud.NatState;
import com.mcpportal.portal.cloud.ServiceCounts;
import com.mcpportal.portal.cloud.TaskRange;
import com.mcpportal.portal.environment.CloudResources;

/**
 * Start: the NAT instance on the latest AMI (replaced first if it runs an older one, see {@link NatPatchStep}) and
 * running, then the service at one healthy task. Stop: the service drained, then the NAT stopped.
 *
 * <p>In a shared network the NAT is the network's: a start starts it under the network's lock, and a stop stops it
 * under the same lock only when no other environment of the network needs it (see {@link SharedNatDemand} for the
 * rule and why a start and a stop of two environments cannot leave it stopped under a running service). The last
 * stop does not stop it at once but {@link SharedNatStops defers} that by the union schedule's lag; a start inside the
 * delay drops the deferred stop under the same lock.
 */
final class PowerSteps {

    static final List<CloudStep> START = List.of(
            NatPatchStep.AT_START,
            new CloudStep("start-nat", "NAT instance running", c -> nat(c, c.inSharedNetwork()
                    ? c.networks().exclusively(c.sharedNetwork().networkId(), () -> {
                        if (c.natStops() != null) {
                            c.natStops().cancel();
                        }
                        return c.cloud().startSharedNat(c.sharedNetworkRef());
                    })
                    : c.cloud().startNat(c.ref()))),
            new CloudStep("scale-up", "Service at 1 task, healthy", PowerSteps::scaleUp));

    static final List<CloudStep> STOP = List.of(
            new CloudStep("scale-down", "Service at 0 tasks, drained", PowerSteps::scaleDown),
            new CloudStep("stop-nat", "NAT instance stopped", PowerSteps::stopNat));

    private static final DateTimeFormatter UTC_MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    private PowerSteps() {
    }

    /**
     * One healthy task, or with CPU autoscaling its minimum: the scalable target's range is restored (and its scaling
     * resumed) first, so target tracking may add tasks up to the maximum while the environment is on. Without it, a
     * target left from autoscaling turned off since is removed, or it would go on adding tasks.
     */
    private static StepOutcome scaleUp(StepContext c) {
        TaskRange range = c.spec().autoscaling();
        if (range != null) {
            c.cloud().applyAutoscaling(c.ref(), range, true);
        } else {
            c.cloud().deleteAutoscaling(c.ref());
        }
        ServiceCounts counts = c.cloud().scaleService(c.ref(), c.spec().minTasks());
        return StepOutcome.of(c.resources(), describe(counts) + (range == null ? "" : "; scales on CPU from "
                + range.minTasks() + " to " + range.maxTasks() + " tasks around " + range.cpuTargetPercent() + " %"));
    }

    /**
     * Drained to 0 tasks; with CPU autoscaling its minimum goes to 0 and its scaling is suspended first, or target
     * tracking would start the minimum again. Without it, a target left from autoscaling turned off since is removed
     * for the same reason.
     */
    private static StepOutcome scaleDown(StepContext c) {
        TaskRange range = c.spec().autoscaling();
        if (range != null) {
            c.cloud().applyAutoscaling(c.ref(), range, false);
        } else {
            c.cloud().deleteAutoscaling(c.ref());
        }
        return StepOutcome.of(c.resources(), describe(c.cloud().scaleService(c.ref(), 0)));
    }

    /**
     * A shared network's NAT is stopped by the last of its environments to stop, decided and done under the network's
     * lock; while another still needs it, it stays on. Stopping it is audited: it is the network's, not only this
     * environment's.
     */
    private static StepOutcome stopNat(StepContext c) {
        if (!c.inSharedNetwork()) {
            return nat(c, c.cloud().stopNat(c.ref()));
        }
        String network = c.sharedNetwork().networkName();
        return c.networks().exclusively(c.sharedNetwork().networkId(), () -> {
            if (c.othersNeedSharedNat().getAsBoolean()) {
                return StepOutcome.of(c.resources(), "the NAT instance of network " + network
                        + " is shared and stays on for its other environments");
            }
            Optional<Instant> later = c.natStops() == null ? Optional.empty()
                    : c.natStops().defer();
            if (later.isPresent()) {
                return StepOutcome.of(c.resources(), "no other environment of network " + network + " is on: its"
                        + " shared NAT instance stops at " + UTC_MINUTE.format(later.get()) + " UTC unless one"
                        + " starts before");
            }
            StepOutcome stopped = nat(c, c.cloud().stopSharedNat(c.sharedNetworkRef()));
            return StepOutcome.audited(stopped.resources(), stopped.detail() + ": no other environment of network "
                    + network + " is on", AuditEntry.success("environment.shared-nat.stopped")
                            .detail("network", network));
        });
    }

    private static StepOutcome nat(StepContext c, NatState state) {
        NatInstance nat = c.resources().nat();
        CloudResources updated = nat == null ? c.resources() : c.resources().withNat(new NatInstance(nat.instanceId(),
                nat.networkInterfaceId(), nat.securityGroupId(), nat.imageId(), nat.instanceType(), state,
                nat.publicIp()));
        return StepOutcome.of(updated, (nat == null ? "NAT instance" : nat.instanceId()) + " "
                + state.name().toLowerCase());
    }

    static String describe(ServiceCounts counts) {
        return counts.running() + " of " + counts.desired() + " tasks running"
                + (counts.pending() > 0 ? ", " + counts.pending() + " pending" : "");
    }
}
