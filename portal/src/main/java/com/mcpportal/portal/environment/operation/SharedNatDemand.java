package com.mcpportal.portal.environment.operation;

import java.util.EnumSet;
import java.util.Optional;

import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentNetworks;
import com.mcpportal.portal.environment.EnvironmentPower;
import com.mcpportal.portal.environment.EnvironmentRepository;
import com.mcpportal.portal.environment.EnvironmentState;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether an environment of a shared network other than the one stopping still needs the network's NAT instance,
 * read from what the portal records. An environment counts as off only when the portal knows its service is at zero:
 * a draft or deleted one, a ready one whose power is off with no start or provision queued or running, or a ready
 * one whose own stop has drained its service already (its stop-nat step asks this same question after it). Everything
 * else (on, starting, provisioning, failed, deprovisioning, a stop that has not drained yet) needs the NAT. Erring to
 * "needs it" costs NAT hours; erring the other way would cut a running service off the internet.
 *
 * <p>Called by the stop-nat step under the network's lock ({@link EnvironmentNetworks#exclusively}), in a
 * transaction of its own begun after the lock is held, so it sees every operation committed before. A start's
 * start-nat step takes the same lock, and its operation was committed (queued) before that step ran: either this
 * read sees the start queued or running and the NAT stays on, or the start's step waits for the lock and starts the
 * NAT again after the stop, before its service scales up. Two stops at once: the first to take the lock sees the
 * other's service not yet drained (or its power still on) and leaves the NAT; the second sees the first drained.
 */
@Component
class SharedNatDemand {

    private static final EnumSet<OperationState> IN_FLIGHT = EnumSet.of(OperationState.QUEUED,
            OperationState.RUNNING);

    private final EnvironmentNetworks networks;
    private final EnvironmentRepository environments;
    private final OperationRepository operations;

    SharedNatDemand(EnvironmentNetworks networks, EnvironmentRepository environments, OperationRepository operations) {
        this.networks = networks;
        this.environments = environments;
        this.operations = operations;
    }

    /** Whether any environment of the network but {@code environmentId} needs its NAT instance now. */
    @Transactional(readOnly = true)
    public boolean othersNeedNat(long networkId, long environmentId) {
        return networks.environmentsIn(networkId).stream().filter(id -> id != environmentId)
                .anyMatch(this::needsNat);
    }

    private boolean needsNat(long environmentId) {
        Environment environment = environments.findById(environmentId).orElse(null);
        if (environment == null) {
            return false;
        }
        Optional<Operation> inFlight = operations.findFirstByEnvironmentIdAndStateIn(environmentId, IN_FLIGHT);
        return needsNat(environment.getState(), environment.getPower(), inFlight.orElse(null));
    }

    /** The rule above, on one environment's recorded state, power and operation in flight (null: none). */
    static boolean needsNat(EnvironmentState state, EnvironmentPower power, Operation inFlight) {
        if (state == EnvironmentState.DRAFT || state == EnvironmentState.DELETED) {
            return false;
        }
        if (state != EnvironmentState.READY) {
            return true;
        }
        if (inFlight != null && (inFlight.getKind() == OperationKind.START
                || inFlight.getKind() == OperationKind.PROVISION)) {
            return true;
        }
        if (inFlight != null && inFlight.getKind() == OperationKind.STOP) {
            return inFlight.step("scale-down").map(step -> step.getState() != StepState.DONE).orElse(true);
        }
        return power != EnvironmentPower.OFF;
    }
}
