package com.mcpportal.portal.environment.operation;

import java.util.EnumSet;
import java.util.Optional;
import java.util.function.Supplier;

import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.ServiceCounts;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentCloud;
import com.mcpportal.portal.environment.EnvironmentNetworks;
import com.mcpportal.portal.environment.EnvironmentPower;
import com.mcpportal.portal.environment.EnvironmentRepository;
import com.mcpportal.portal.environment.EnvironmentService;
import com.mcpportal.portal.environment.EnvironmentState;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether an environment of a shared network (other than the one stopping, or any at all when a deferred stop is due)
 * needs the network's NAT instance now: decided from what the environment needs, not from its status alone. A deleted
 * one never does; one being provisioned or deprovisioned always does (its steps reach the internet); a start or
 * provision queued or running does; a stop in flight does until its service is drained (its stop-nat step asks this
 * same question after that); a ready one that is on does. Where the portal's record says "off" (a draft, a ready one
 * that is off or whose stop has drained its service, or one stuck FAILED whatever its step: a failed start, stop,
 * update or NAT patch), the cloud is asked whether its service still has tasks desired, running or pending, and it
 * needs the NAT exactly then: a failed member with its service at zero no longer keeps the NAT on for ever, and a
 * service started outside the portal (by hand, or by the hours kept in AWS while the portal was down) is not cut off
 * the internet. A cloud that cannot answer counts as "needs it". Erring to "needs it" costs NAT hours; erring the
 * other way would cut a running service off the internet.
 *
 * <p>Called by the stop-nat step and by the deferred stop ({@link SharedNatStops}) under the network's lock
 * ({@link EnvironmentNetworks#exclusively}), in a transaction of its own begun after the lock is held, so it sees every
 * operation committed before. A start's start-nat step takes the same lock, and its operation was committed (queued)
 * before that step ran: either this read sees the start queued or running and the NAT stays on, or the start's step
 * waits for the lock and starts the NAT again after the stop, before its service scales up. Two stops at once: the
 * first to take the lock sees the other's service not yet drained (or its power still on) and leaves the NAT; the
 * second sees the first drained.
 */
@Component
class SharedNatDemand {

    private static final Logger log = LoggerFactory.getLogger(SharedNatDemand.class);
    private static final EnumSet<OperationState> IN_FLIGHT = EnumSet.of(OperationState.QUEUED,
            OperationState.RUNNING);

    private final EnvironmentNetworks networks;
    private final EnvironmentRepository environments;
    private final OperationRepository operations;
    private final EnvironmentService environmentService;

    SharedNatDemand(EnvironmentNetworks networks, EnvironmentRepository environments, OperationRepository operations,
            EnvironmentService environmentService) {
        this.networks = networks;
        this.environments = environments;
        this.operations = operations;
        this.environmentService = environmentService;
    }

    /** Whether any environment of the network but {@code environmentId} needs its NAT instance now. */
    @Transactional(readOnly = true)
    public boolean othersNeedNat(long networkId, long environmentId) {
        return networks.environmentsIn(networkId).stream().filter(id -> id != environmentId)
                .anyMatch(this::needsNat);
    }

    /** Whether any environment of the network needs its NAT instance now (a deferred stop, when it is due). */
    @Transactional(readOnly = true)
    public boolean anyNeedsNat(long networkId) {
        return networks.environmentsIn(networkId).stream().anyMatch(this::needsNat);
    }

    private boolean needsNat(long environmentId) {
        Environment environment = environments.findById(environmentId).orElse(null);
        if (environment == null) {
            return false;
        }
        Optional<Operation> inFlight = operations.findFirstByEnvironmentIdAndStateIn(environmentId, IN_FLIGHT);
        return needsNat(environment.getState(), environment.getPower(), inFlight.orElse(null),
                () -> serviceNow(environment));
    }

    private ServiceCounts serviceNow(Environment environment) {
        EnvironmentCloud cloud = environmentService.cloudOf(environment.getId());
        return cloud.provider().describe(cloud.ref()).service();
    }

    /**
     * The rule above, on one environment's recorded state, power and operation in flight (null: none), and what its
     * service runs in the cloud ({@code serviceNow}, asked only when the record says the environment is off).
     */
    static boolean needsNat(EnvironmentState state, EnvironmentPower power, Operation inFlight,
            Supplier<ServiceCounts> serviceNow) {
        if (state == EnvironmentState.DELETED) {
            return false;
        }
        if (state == EnvironmentState.PROVISIONING || state == EnvironmentState.DEPROVISIONING) {
            return true;
        }
        if (inFlight != null && (inFlight.getKind() == OperationKind.START
                || inFlight.getKind() == OperationKind.PROVISION)) {
            return true;
        }
        if (inFlight != null && inFlight.getKind() == OperationKind.STOP) {
            // Its power is still recorded on until the stop ends: once drained, only the cloud can say otherwise.
            return inFlight.step("scale-down").map(step -> step.getState() != StepState.DONE).orElse(true)
                    || hasTasks(serviceNow);
        }
        if (state == EnvironmentState.READY && power != EnvironmentPower.OFF) {
            return true;
        }
        return hasTasks(serviceNow);
    }

    private static boolean hasTasks(Supplier<ServiceCounts> serviceNow) {
        try {
            ServiceCounts service = serviceNow.get();
            return service.desired() > 0 || service.running() > 0 || service.pending() > 0;
        } catch (CloudException e) {
            log.warn("Could not read a shared network member's service ({}); its NAT stays on", e.getMessage());
            return true;
        }
    }
}
