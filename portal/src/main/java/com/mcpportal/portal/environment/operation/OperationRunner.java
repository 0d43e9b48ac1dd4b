package com.mcpportal.portal.environment.operation;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mcpportal.portal.audit.AuditLog;
import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.image.ServerImages;
import com.mcpportal.portal.cloud.secret.SecretCipher;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentCloud;
import com.mcpportal.portal.environment.EnvironmentNetworks;
import com.mcpportal.portal.environment.EnvironmentRepository;
import com.mcpportal.portal.environment.EnvironmentService;
import com.mcpportal.portal.environment.SharedNetworkPlacement;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs an operation's steps in order, each in three short transactions around the cloud call (mark running; call;
 * record result and mark done), so a crash at any point leaves the step either done or to be run again, and
 * running it again is safe because every step is idempotent. A {@link CloudException} stops the operation in
 * FAILED with the step, code and provider message; Retry queues it again from that step.
 */
@Component
class OperationRunner {

    private static final Logger log = LoggerFactory.getLogger(OperationRunner.class);

    private final OperationRepository operations;
    private final EnvironmentRepository environments;
    private final EnvironmentService environmentService;
    private final OperationOutcomes outcomes;
    private final OperationLocks locks;
    private final SecretCipher cipher;
    private final TransactionTemplate transactions;
    private final ServerImages serverImages;
    private final AuditLog auditLog;
    private final EnvironmentNetworks networks;
    private final SharedNatDemand natDemand;
    private final SharedNatStops natStops;
    private final Clock clock;
    private volatile StepObserver observer = StepObserver.NONE;

    OperationRunner(OperationRepository operations, EnvironmentRepository environments,
            EnvironmentService environmentService, OperationOutcomes outcomes, OperationLocks locks,
            SecretCipher cipher, TransactionTemplate transactions, ServerImages serverImages, AuditLog auditLog,
            EnvironmentNetworks networks, SharedNatDemand natDemand, SharedNatStops natStops, Clock clock) {
        this.networks = networks;
        this.natStops = natStops;
        this.natDemand = natDemand;
        this.serverImages = serverImages;
        this.auditLog = auditLog;
        this.operations = operations;
        this.environments = environments;
        this.environmentService = environmentService;
        this.outcomes = outcomes;
        this.locks = locks;
        this.cipher = cipher;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Tests observe (and interrupt) steps; {@code null} restores the no-op observer. */
    void observeWith(StepObserver stepObserver) {
        this.observer = stepObserver == null ? StepObserver.NONE : stepObserver;
    }

    /** Runs the operation to its end, unless it has ended already or another runner holds it. */
    void run(long operationId) {
        OperationLocks.Held lock = locks.tryLock(operationId);
        if (lock == null) {
            log.info("Operation {} is running elsewhere; not starting it twice", operationId);
            return;
        }
        try (lock) {
            OperationKind kind = transactions.execute(status -> begin(operationId));
            if (kind != null) {
                runSteps(operationId, kind);
            }
        }
    }

    private OperationKind begin(long operationId) {
        Operation operation = operations.findById(operationId).orElse(null);
        if (operation == null || !operation.getState().inFlight()) {
            return null;
        }
        operation.start(clock.instant());
        log.info("Operation {} ({} of environment {}) runs, attempt {}", operationId, operation.getKind(),
                operation.getEnvironmentId(), operation.getRuns());
        return operation.getKind();
    }

    private void runSteps(long operationId, OperationKind kind) {
        List<CloudStep> plan = OperationPlans.steps(kind);
        while (true) {
            Prepared next = transactions.execute(status -> prepare(operationId));
            if (next == null) {
                transactions.executeWithoutResult(status -> outcomes.succeeded(operationId));
                return;
            }
            CloudStep step = plan.stream().filter(s -> s.name().equals(next.step())).findFirst().orElse(null);
            try {
                if (step == null) {
                    throw new IllegalStateException("Unknown step " + next.step() + " for " + kind);
                }
                observer.beforeStep(operationId, step.name());
                StepOutcome outcome = step.run(next.context());
                observer.afterCloudCall(operationId, step.name());
                transactions.executeWithoutResult(status -> record(operationId, next, outcome));
            } catch (CloudException e) {
                CloudException failure = e.inStep(next.step());
                log.warn("Operation {} failed at {}: {}", operationId, next.step(), failure.getMessage());
                transactions.executeWithoutResult(status -> outcomes.failed(operationId, next.step(), failure));
                return;
            } catch (RuntimeException e) {
                log.error("Operation {} failed at {} with an internal error", operationId, next.step(), e);
                CloudException failure = new CloudException(CloudErrorKind.FAILED, next.step(), "portal",
                        "InternalError", "The portal hit an internal error (" + e.getClass().getSimpleName()
                                + "); see its log. Retry resumes at this step.", e);
                transactions.executeWithoutResult(status -> outcomes.failed(operationId, next.step(), failure));
                return;
            }
        }
    }

    /** The next step not done, marked running, with everything it needs read now (earlier steps' results too). */
    private Prepared prepare(long operationId) {
        Operation operation = operations.findById(operationId).orElseThrow();
        OperationStep step = operation.nextStep().orElse(null);
        if (step == null) {
            return null;
        }
        step.begin(clock.instant());
        Environment environment = environments.findById(operation.getEnvironmentId()).orElseThrow();
        EnvironmentCloud cloud = environmentService.cloudOf(environment.getId());
        String sealedKey = environment.getElevenLabsKeyPending();
        long environmentId = environment.getId();
        Supplier<String> pendingKey = () -> sealedKey == null ? null : unseal(sealedKey, environmentId);
        SharedNetworkPlacement placement = networks.placementOf(environmentId).orElse(null);
        StepContext context = new StepContext(cloud.provider(), cloud.ref(), environment.spec(),
                environment.resources(), cloud.account().configuredRoles(), environment.getPower(), pendingKey,
                serverImages, placement, networks, () -> placement != null
                        && natDemand.othersNeedNat(placement.networkId(), environmentId),
                placement == null ? null : natStops.of(placement.networkId(), environmentId),
                operation.getKind() == OperationKind.MOVE_NETWORK ? networks.moveOf(environmentId)
                        .map(direction -> new MoveSteps.Move(environmentId, direction)).orElse(null) : null);
        return new Prepared(step.getName(), context, sealedKey);
    }

    private void record(long operationId, Prepared prepared, StepOutcome outcome) {
        Operation operation = operations.findById(operationId).orElseThrow();
        Environment environment = environments.findById(operation.getEnvironmentId()).orElseThrow();
        environment.recordResources(outcome.resources());
        // Drop the portal's copy only if it is the key that was delivered (edits are refused while this runs).
        if (outcome.apiKeyDelivered() && prepared.sealedKey() != null
                && prepared.sealedKey().equals(environment.getElevenLabsKeyPending())) {
            environment.clearPendingElevenLabsKey();
        }
        operation.step(prepared.step()).orElseThrow().done(outcome.detail(), clock.instant());
        if (outcome.event() != null) {
            auditLog.record(OperationOutcomes.entry(outcome.event(), operation, environment));
        }
    }

    private String unseal(String sealedKey, long environmentId) {
        try {
            return cipher.decrypt(sealedKey, Environment.keyContext(environmentId));
        } catch (IllegalStateException e) {
            throw new CloudException(CloudErrorKind.INVALID_REQUEST, null, "portal", "SecretUnreadable",
                    e.getMessage() + " Enter the ElevenLabs key again and retry.", null);
        }
    }

    private record Prepared(String step, StepContext context, String sealedKey) {
    }
}
