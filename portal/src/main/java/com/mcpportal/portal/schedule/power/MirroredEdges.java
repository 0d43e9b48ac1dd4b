package com.mcpportal.portal.schedule.power;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mcpportal.portal.cloud.ActualState;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.NatState;
import com.mcpportal.portal.cloud.TaskRange;
import com.mcpportal.portal.environment.EnvironmentCloud;
import com.mcpportal.portal.environment.EnvironmentNetworks;
import com.mcpportal.portal.environment.EnvironmentService;
import com.mcpportal.portal.environment.operation.Actor;
import com.mcpportal.portal.environment.operation.EnvironmentOperations;
import com.mcpportal.portal.environment.operation.OperationKind;
import com.mcpportal.portal.environment.operation.PowerBatch;
import com.mcpportal.portal.schedule.MirrorSettings;
import com.mcpportal.portal.schedule.MirrorStatus;
import com.mcpportal.portal.schedule.PowerState;
import com.mcpportal.portal.schedule.Schedule;
import com.mcpportal.portal.schedule.Transition;
import com.mcpportal.portal.schedule.store.MirrorStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * "When both act": with "keep hours in AWS" the cloud makes each edge itself, so the portal's own edge trigger and
 * reconcile pass look before they act. If the cloud already runs what the schedule wants (the service's desired count;
 * for a start also the NAT instance, which the cloud starts a few minutes before the service), the change is recorded
 * as a succeeded operation of {@code aws-scheduler} and nothing is started or stopped twice. If it does not yet, the
 * portal waits up to {@link MirrorSettings#grace()} after the edge (looking again every {@link #LOOK_AGAIN}) and then
 * acts itself, saying so in the operation's reason. A portal that was down across an edge finds the cloud changed on
 * its next pass and records it the same way.
 *
 * <p>Only a mirror that is written (in sync, or drifted and put right) counts: one being written or failed may not
 * make the edge, so the portal acts at once. An environment in a shared network has no mirror (its hours stay with the
 * portal, which runs the network's NAT on the union of its environments' hours), so the portal acts for it as before.
 */
@Component
class MirroredEdges {

    private static final Logger log = LoggerFactory.getLogger(MirroredEdges.class);

    /** How often the edge trigger looks again while the cloud has not made the edge and the grace has not run out. */
    static final Duration LOOK_AGAIN = Duration.ofSeconds(30);

    /** What to do about an edge that is due. */
    enum Move {
        /** The cloud made it: recorded as an operation of {@code aws-scheduler}. */
        RECORDED,
        /** The cloud has not made it yet and the grace runs on: look again at {@link Next#lookAgainAt()}. */
        WAIT,
        /** Act as the portal always does, with {@link Next#reason()}. */
        ACT
    }

    /** The move, when to look again (WAIT), and the reason for the portal's own operation (ACT). */
    record Next(Move move, Instant lookAgainAt, String reason) {
    }

    private final MirrorStore mirrors;
    private final EnvironmentService environments;
    private final EnvironmentOperations operations;
    private final ObjectProvider<EnvironmentNetworks> networks;
    private final MirrorSettings settings;

    MirroredEdges(MirrorStore mirrors, EnvironmentService environments, EnvironmentOperations operations,
            ObjectProvider<EnvironmentNetworks> networks, MirrorSettings settings) {
        this.mirrors = mirrors;
        this.environments = environments;
        this.operations = operations;
        this.networks = networks;
        this.settings = settings;
    }

    /** The environments whose hours the cloud keeps now (one query, for the reconcile pass). */
    Set<Long> kept() {
        return new HashSet<>(mirrors.written());
    }

    /** Whether the cloud keeps this environment's hours now. */
    boolean kept(long environmentId) {
        return mirrors.find(environmentId).filter(row -> row.status().keepInCloud()).map(row -> row.status().state())
                .filter(state -> state == MirrorStatus.State.IN_SYNC
                        || state == MirrorStatus.State.DRIFTED).isPresent();
    }

    /**
     * Looks before the portal starts or stops an environment whose hours the cloud keeps ({@code kept}), and records
     * the cloud's change if it made it. An environment whose hours it does not keep is acted on as always.
     *
     * @param reason why the schedule wants {@code decision.desired()} now (the edge's reason)
     */
    Next before(ReadyEnvironment environment, PowerDecision decision, String reason, boolean kept, Instant now) {
        if (!kept || inSharedNetwork(environment.id())) {
            return new Next(Move.ACT, null, reason);
        }
        PowerState desired = decision.desired();
        ActualState actual;
        try {
            EnvironmentCloud cloud = environments.cloudOf(environment.id());
            actual = cloud.provider().describe(cloud.ref());
        } catch (CloudException e) {
            log.warn("Could not see whether the cloud made the edge of environment {} ({}); the portal acts",
                    environment.id(), e.getMessage());
            return new Next(Move.ACT, null, reason);
        }
        if (madeBy(actual, desired)) {
            Long seen = environment.latest() == null ? null : environment.latest().id();
            PowerBatch.Outcome outcome = operations.recordObservedPowerChange(new PowerBatch.Change(environment.id(),
                    desired == PowerState.ON ? OperationKind.START : OperationKind.STOP,
                    Actor.awsScheduler(reason), seen));
            log.debug("Environment {}: the cloud made the edge ({}): {}", environment.id(), reason, outcome);
            if (outcome == PowerBatch.Outcome.ENQUEUED) {
                followScaling(environment.id(), desired);
            }
            return new Next(Move.RECORDED, null, null);
        }
        Instant edge = recentEdge(environment.schedule(), desired, now, settings.grace());
        if (edge != null && now.isBefore(edge.plus(settings.grace()))) {
            Instant again = now.plus(LOOK_AGAIN);
            return new Next(Move.WAIT, again.isBefore(edge.plus(settings.grace())) ? again
                    : edge.plus(settings.grace()), null);
        }
        return new Next(Move.ACT, null, reason + "; the hours kept in AWS had not " + (desired == PowerState.ON
                ? "started" : "stopped") + " it " + settings.grace().toMinutes() + " min after the edge, so the"
                + " portal does");
    }

    /**
     * The cloud's schedules set only the service's desired count; with CPU autoscaling the portal then sets the
     * scalable target's range as its own start or stop would (minimum restored and scaling resumed, or minimum 0 and
     * scaling suspended); without it, a target left from autoscaling turned off since is removed. A failure is logged:
     * the next start or stop sets it again.
     */
    private void followScaling(long environmentId, PowerState desired) {
        TaskRange range = environments.get(environmentId).autoscaling();
        try {
            EnvironmentCloud cloud = environments.cloudOf(environmentId);
            if (range == null) {
                cloud.provider().deleteAutoscaling(cloud.ref());
            } else {
                cloud.provider().applyAutoscaling(cloud.ref(), range, desired == PowerState.ON);
            }
        } catch (CloudException e) {
            log.warn("Could not set the scaling range of environment {} after the cloud's edge: {}", environmentId,
                    e.getMessage());
        }
    }

    /**
     * Whether what runs is what the cloud's schedules make at a {@code desired} edge: the service at its desired
     * count (one or more tasks for on, none for off) and, for on, the NAT instance started (the cloud starts it before
     * the service). The NAT's stop comes minutes after the service's, so an off edge is judged by the service alone.
     */
    static boolean madeBy(ActualState actual, PowerState desired) {
        if (!actual.service().exists()) {
            return false;
        }
        if (desired == PowerState.OFF) {
            return actual.service().desired() == 0;
        }
        return actual.service().desired() >= 1
                && (actual.nat() == NatState.RUNNING || actual.nat() == NatState.PENDING);
    }

    /** The schedule's edge to {@code desired} within the last {@code grace} before {@code now}, or null. */
    static Instant recentEdge(Schedule schedule, PowerState desired, Instant now, Duration grace) {
        List<Transition> next = schedule.nextTransitions(now.minus(grace).minusSeconds(1), 1);
        if (next.isEmpty() || next.get(0).at().isAfter(now) || next.get(0).state() != desired) {
            return null;
        }
        return next.get(0).at();
    }

    private boolean inSharedNetwork(long environmentId) {
        EnvironmentNetworks shared = networks.getIfAvailable();
        return shared != null && shared.networkOf(environmentId).isPresent();
    }
}
