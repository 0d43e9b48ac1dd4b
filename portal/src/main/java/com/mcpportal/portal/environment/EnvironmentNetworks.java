package com.mcpportal.portal.environment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which shared network an environment is in, asked by its operations and pages. The network feature implements it
 * (it reads environments, so environments cannot read networks without a cycle); no shared network means the
 * environment has its own, the layout every environment had before networks could be shared.
 */
public interface EnvironmentNetworks {

    /**
     * What people are told of a network move's interruption: one new ECS deployment (a new task started and healthy,
     * the VPC link replaced), which takes a minute or two on Fargate; an estimate, not a measurement.
     */
    String MOVE_INTERRUPTION = "about 1-3 minutes";

    /**
     * The environment's shared network and its private subnet range, allocated now (and recorded) if it had none yet;
     * empty when the environment has its own network.
     */
    Optional<SharedNetworkPlacement> placementOf(long environmentId);

    /** The same, read only: the private subnet range is null when none was allocated yet. */
    Optional<SharedNetworkPlacement> networkOf(long environmentId);

    /** The ids of the environments in the shared network, deleted ones included until they leave it. */
    List<Long> environmentsIn(long networkId);

    /**
     * Runs {@code body} (a cloud call that makes or finds the network's own resources) while no other does for the same
     * network, on any portal instance: two environments provisioned into a new network at once make one VPC and one
     * NAT instance, the second finding the first's.
     */
    <T> T exclusively(long networkId, Supplier<T> body);

    /**
     * The way the environment's network move goes while one runs (its placement names the shared network), empty
     * when none does. A network without moves (a test's) has none.
     */
    default Optional<NetworkMoveDirection> moveOf(long environmentId) {
        return Optional.empty();
    }

    /**
     * Records that the environment's move has ended in the cloud: it is now a member of the network it moved into
     * (counted in its union schedule and cost split from now), or of none (its subnet range there released).
     */
    default void completeMove(long environmentId) {
        throw new UnsupportedOperationException("moves are not recorded here");
    }

    /**
     * The shared networks the environment's team may use in its cloud account and region, what its page offers to move
     * it into; none while it is in one (it moves out, into its own network, first).
     */
    default List<NetworkChoice> moveChoices(long environmentId) {
        return List.of();
    }

    /**
     * Records that the network's NAT instance could not be stopped (for the network's page, until {@link
     * #natStopSettled}); true when it is the first failure since the NAT last stopped or was needed again.
     *
     * @param retryAt when the portal tries again
     */
    boolean natStopFailed(long networkId, Instant at, String error, Instant retryAt);

    /**
     * The network's NAT stopped, or an environment needs it again: any recorded stop failure is over. True when there
     * was one.
     */
    boolean natStopSettled(long networkId);
}
