package com.mcpportal.portal.environment.drift;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.NatImageStatus;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentCloud;
import com.mcpportal.portal.environment.EnvironmentPower;
import com.mcpportal.portal.environment.EnvironmentRepository;
import com.mcpportal.portal.environment.EnvironmentService;
import com.mcpportal.portal.environment.EnvironmentState;
import com.mcpportal.portal.environment.operation.Actor;
import com.mcpportal.portal.environment.operation.EnvironmentOperations;
import com.mcpportal.portal.environment.operation.OperationFinished;
import com.mcpportal.portal.environment.operation.OperationKind;
import com.mcpportal.portal.environment.operation.OperationRequest;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps NAT instances patched: compares each ready environment's NAT instance with the latest Amazon Linux AMI
 * published for its architecture, records the finding (the environment page shows it, and the drift check counts an
 * outdated NAT as drift), and asks for a {@link OperationKind#PATCH_NAT} operation (actor {@code system}) for each
 * environment that needs one and is off: replaced then, nobody loses a connection. An environment that is on is
 * patched by its next start, whose first step replaces an outdated NAT before the service scales up; one that is never
 * off shows the drift until a person patches it. Environments with an operation in flight are skipped; the
 * operation queue keeps it to one operation at a time per environment.
 *
 * <p>Runs every {@code portal.environments.nat-image-check-interval} as a clustered Quartz job (one portal instance
 * each time), and for one environment once an operation that may have replaced its NAT has succeeded, so the finding
 * the page and the drift check read is not that of a NAT replaced since.
 */
@Service
public class NatImageCheck implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NatImageCheck.class);

    /** What one pass did. */
    public record Pass(int checked, int patchesRequested) {
    }

    private final EnvironmentRepository environments;
    private final EnvironmentService environmentService;
    private final EnvironmentOperations operations;
    private final NatImageStore store;
    private final Clock clock;
    private final ExecutorService afterOperations = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "nat-image-check");
        thread.setDaemon(true);
        return thread;
    });

    NatImageCheck(EnvironmentRepository environments, EnvironmentService environmentService,
            EnvironmentOperations operations, NatImageStore store, Clock clock) {
        this.environments = environments;
        this.environmentService = environmentService;
        this.operations = operations;
        this.store = store;
        this.clock = clock;
    }

    /** Checks every ready environment and asks for a patch of each outdated one that is off. */
    public Pass checkAll() {
        int checked = 0;
        int requested = 0;
        for (Environment environment : environments.findByStateOrderByIdAsc(EnvironmentState.READY)) {
            Optional<NatImageFinding> finding = check(environment.getId());
            if (finding.isPresent()) {
                checked++;
                if (patchIfOff(environment, finding.get())) {
                    requested++;
                }
            }
        }
        if (requested > 0) {
            log.info("NAT image check: {} environments checked, {} patches requested", checked, requested);
        }
        return new Pass(checked, requested);
    }

    /**
     * Asks for a Patch NAT (actor {@code system}) if the finding needs one and the environment is off. The pass read
     * the power before it asked the cloud, and a start may have run since: the request checks it again under the
     * environment's lock, so a running service never loses its connections to this check.
     */
    boolean patchIfOff(Environment asRead, NatImageFinding finding) {
        return finding.needsPatch() && asRead.getPower() == EnvironmentPower.OFF
                && operations.requestNatPatchWhileOff(asRead.getId(), Actor.system(reason(finding)))
                        instanceof OperationRequest.Enqueued;
    }

    /**
     * Checks one environment now, if it is ready and idle, and records the finding; empty when it was not checked,
     * has no NAT instance, or the cloud could not say (the last finding then stays).
     */
    public Optional<NatImageFinding> check(long environmentId) {
        Environment environment = environments.findById(environmentId).orElse(null);
        if (environment == null || environment.getState() != EnvironmentState.READY
                || environments.hasOperationInFlight(environmentId)) {
            return Optional.empty();
        }
        try {
            EnvironmentCloud cloud = environmentService.cloudOf(environmentId);
            Optional<NatImageStatus> status = cloud.provider().natImageStatus(cloud.ref());
            if (status.isEmpty()) {
                store.clear(environmentId); // no NAT at all: the drift check says so
                return Optional.empty();
            }
            NatImageFinding finding = new NatImageFinding(environmentId, clock.instant(),
                    status.get().nat().instanceId(), status.get().instances(), status.get().current(),
                    status.get().latest());
            store.save(finding);
            return Optional.of(finding);
        } catch (CloudException e) {
            log.warn("NAT image check of environment {} failed: {}", environmentId, e.getMessage());
            return Optional.empty();
        }
    }

    /** The latest finding, if the environment's NAT was checked. */
    public Optional<NatImageFinding> latest(long environmentId) {
        return store.find(environmentId);
    }

    /**
     * After a provision (a new NAT), a Patch NAT, or a start whose first step may have replaced an outdated NAT, the
     * environment is checked again, on a thread of its own once the operation has committed (a start of a NAT that
     * was current costs no cloud call).
     */
    @TransactionalEventListener
    void operationFinished(OperationFinished finished) {
        boolean mayHaveChanged = switch (finished.kind()) {
            case PROVISION, PATCH_NAT -> true;
            case START -> store.find(finished.environmentId()).map(NatImageFinding::needsPatch).orElse(false);
            default -> false;
        };
        if (finished.succeeded() && mayHaveChanged) {
            afterOperations.execute(() -> {
                try {
                    check(finished.environmentId());
                } catch (RuntimeException e) {
                    log.warn("NAT image check after operation {} failed; the next pass checks again",
                            finished.operationId(), e);
                }
            });
        }
    }

    @Override
    public void destroy() {
        afterOperations.shutdown();
    }

    /** Called only for a finding that needs a patch, which always says what differs. */
    private static String reason(NatImageFinding finding) {
        return finding.outdated() ? "Amazon Linux AMI " + finding.latest().describe() + " replaces the NAT's "
                + finding.current().imageId() : Objects.requireNonNull(finding.difference());
    }
}
