package com.mcpportal.portal.environment.operation;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.audit.AuditLog;
import com.mcpportal.portal.cloud.ImageRef;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentNetworks;
import com.mcpportal.portal.environment.EnvironmentNotFoundException;
import com.mcpportal.portal.environment.EnvironmentPower;
import com.mcpportal.portal.environment.EnvironmentRepository;
import com.mcpportal.portal.environment.EnvironmentState;
import com.mcpportal.portal.environment.ImageSource;
import com.mcpportal.portal.environment.PinnedImage;
import com.mcpportal.portal.environment.Release;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way to provision, start, stop, update or roll back the server of, patch the NAT of, move the network of,
 * deprovision or retry an environment, for people (controllers, after {@code TeamAccess}) and for the scheduler and the
 * system alike:
 * <pre>{@code
 * OperationRequest request = operations.requestStart(environmentId, Actor.scheduler("window Mon 08:00–20:00 opened"));
 * if (request instanceof OperationRequest.Busy busy) { ... another operation (busy.runningKind()) is in flight ... }
 * }</pre>
 * Each request locks the environment row, refuses when another operation is in flight (the database's partial
 * unique index backs this up) or when the state does not allow it, stores the operation with its steps, queues
 * its Quartz job in the same transaction and writes the audit event; the job runs it shortly after the commit.
 */
@Service
public class EnvironmentOperations {

    private static final EnumSet<OperationState> IN_FLIGHT = EnumSet.of(OperationState.QUEUED, OperationState.RUNNING);

    private final OperationRepository operations;
    private final EnvironmentRepository environments;
    private final OperationQueue queue;
    private final AuditLog auditLog;
    private final PowerBatch batch;
    private final ObservedPowerChanges observed;
    private final EnvironmentNetworks networks;
    private final Clock clock;

    EnvironmentOperations(OperationRepository operations, EnvironmentRepository environments, OperationQueue queue,
            AuditLog auditLog, PowerBatch batch, ObservedPowerChanges observed, EnvironmentNetworks networks,
            Clock clock) {
        this.networks = networks;
        this.observed = observed;
        this.operations = operations;
        this.environments = environments;
        this.queue = queue;
        this.auditLog = auditLog;
        this.batch = batch;
        this.clock = clock;
    }

    /** Creates the environment's resources (a draft), or applies changed settings (a ready one). */
    @Transactional
    public OperationRequest requestProvision(long environmentId, Actor actor) {
        return request(environmentId, OperationKind.PROVISION, actor);
    }

    /** NAT instance running, then the service at one healthy task. Allowed on a ready environment. */
    @Transactional
    public OperationRequest requestStart(long environmentId, Actor actor) {
        return request(environmentId, OperationKind.START, actor);
    }

    /** Service drained to zero tasks, then the NAT instance stopped. Allowed on a ready environment. */
    @Transactional
    public OperationRequest requestStop(long environmentId, Actor actor) {
        return request(environmentId, OperationKind.STOP, actor);
    }

    /**
     * Starts and stops many ready environments in one transaction (the scheduler when thousands share an edge):
     * each is asked for only if it is still ready, not already so, idle, and its latest operation is the one the
     * caller saw. Others are left alone quietly, with no refusal in the audit log. See {@link PowerBatch}.
     */
    @Transactional
    public Map<Long, PowerBatch.Outcome> requestPowerChanges(List<PowerBatch.Change> changes) {
        return batch.request(changes);
    }

    /**
     * Records a start or stop the cloud already made on its own (the hours kept in AWS) as a succeeded operation of
     * {@code change}'s actor, without running anything; decided like {@link #requestPowerChanges}: {@code ENQUEUED}
     * means recorded. See {@link ObservedPowerChanges}.
     */
    @Transactional
    public PowerBatch.Outcome recordObservedPowerChange(PowerBatch.Change change) {
        return observed.record(change);
    }

    /** Deletes every resource in reverse order and checks that nothing tagged with the environment remains. */
    @Transactional
    public OperationRequest requestDeprovision(long environmentId, Actor actor) {
        return request(environmentId, OperationKind.DEPROVISION, actor);
    }

    /**
     * Updates the MCP server of a ready environment that runs the one the portal publishes: the server this portal
     * carries is published, registered as a new revision and rolled out (or, when the environment is off, kept for its
     * next start). An environment on a team's own image is refused: its team deploys its builds
     * ({@link #requestDeploy}).
     */
    @Transactional
    public OperationRequest requestServerUpdate(long environmentId, Actor actor) {
        Environment environment = lock(environmentId);
        OperationRequest refusal = refusal(environment, OperationKind.UPDATE_SERVER, actor);
        if (refusal != null) {
            return refusal;
        }
        if (environment.getImageSource() != ImageSource.PUBLISHED) {
            return refused(environment, OperationKind.UPDATE_SERVER.verb(), actor, new OperationRequest.Refused(
                    "This environment runs your own image: deploy your new build (POST …/deploy with its digest), or"
                            + " choose the MCP server published by the portal in its settings and apply them."));
        }
        return enqueue(environment, OperationKind.UPDATE_SERVER, actor, entry -> entry.detail("image",
                "MCP server published by the portal"));
    }

    /**
     * Rolls a team's own build out to a ready environment: the settings then name {@code image} (pinned by digest;
     * the caller has checked where it may come from and that it exists) and the server update runs with it.
     *
     * @param verified whether the cloud confirmed the digest (an image in another registry cannot be asked)
     */
    @Transactional
    public OperationRequest requestDeploy(long environmentId, PinnedImage image, boolean verified, Actor actor) {
        Environment environment = lock(environmentId);
        OperationRequest refusal = refusal(environment, OperationKind.UPDATE_SERVER, actor);
        if (refusal != null) {
            return refusal;
        }
        String before = environment.spec().imageDescription();
        environment.chooseImage(ImageSource.URI, null, image.reference(), clock.instant());
        return enqueue(environment, OperationKind.UPDATE_SERVER, actor, entry -> entry.detail("image",
                image.reference()).detail("imageBefore", before).detail("digestVerified", verified));
    }

    /**
     * Returns a ready environment (or one whose server update failed) to the image and task definition revision that
     * ran before its last update; its settings then name that image again, so "Apply changes" keeps it.
     */
    @Transactional
    public OperationRequest requestRollback(long environmentId, Actor actor) {
        Environment environment = lock(environmentId);
        OperationRequest refusal = refusal(environment, OperationKind.ROLL_BACK, actor);
        if (refusal != null) {
            return refusal;
        }
        Operation last = operations.findFirstByEnvironmentIdOrderByIdDesc(environmentId).orElse(null);
        if (environment.getState() == EnvironmentState.FAILED && (last == null
                || (last.getKind() != OperationKind.UPDATE_SERVER && last.getKind() != OperationKind.ROLL_BACK))) {
            return refused(environment, OperationKind.ROLL_BACK.verb(), actor, new OperationRequest.Refused("Roll back"
                    + " undoes a server update; the last operation was " + (last == null ? "none"
                    : "a " + last.getKind().label().toLowerCase()) + ": retry it, provision again or deprovision."));
        }
        Release previous = environment.resources().previous();
        if (previous == null || previous.image() == null || previous.taskDefinition() == null) {
            return refused(environment, OperationKind.ROLL_BACK.verb(), actor, new OperationRequest.Refused("There is"
                    + " nothing to roll back to: this environment's server has not been updated since it was"
                    + " provisioned."));
        }
        ImageRef target = previous.image();
        String from = environment.resources().image() == null ? "none" : environment.resources().image().reference();
        if (target.publishedByPortal()) {
            environment.chooseImage(ImageSource.PUBLISHED, null, null, clock.instant());
        } else if (target.tag() != null && target.reference().equals(target.repository() + ":" + target.tag())) {
            environment.chooseImage(ImageSource.REPOSITORY, target.tag(), null, clock.instant());
        } else {
            environment.chooseImage(ImageSource.URI, null, target.reference(), clock.instant());
        }
        return enqueue(environment, OperationKind.ROLL_BACK, actor, entry -> entry.detail("image", target.reference())
                .detail("imageBefore", from).detail("revision", previous.taskDefinition().family() + ":"
                        + previous.taskDefinition().revision()));
    }

    /**
     * Replaces the NAT instance from the latest Amazon Linux AMI if it runs an older one, and leaves it as the power
     * has it (stopped when off). Allowed on a ready environment, on or off: the off-hours check asks for it as
     * {@code system}; a person may, e.g. for an environment that is never off (its NAT's outbound connections are cut
     * for the moment the route moves).
     */
    @Transactional
    public OperationRequest requestNatPatch(long environmentId, Actor actor) {
        return request(environmentId, OperationKind.PATCH_NAT, actor);
    }

    /**
     * {@link #requestNatPatch} only if the environment is off when its row is locked: the off-hours check decided on
     * a power it read before it asked the cloud, and a start may have run since. Refused (and audited) when it is on,
     * so the check's patch never cuts a running service's connections; its next start patches the NAT.
     */
    @Transactional
    public OperationRequest requestNatPatchWhileOff(long environmentId, Actor actor) {
        Environment environment = lock(environmentId);
        OperationRequest refusal = refusal(environment, OperationKind.PATCH_NAT, actor);
        if (refusal != null) {
            return refusal;
        }
        if (environment.getPower() != EnvironmentPower.OFF) {
            return refused(environment, OperationKind.PATCH_NAT.verb(), actor, new OperationRequest.Refused(
                    "The environment is on: its next start patches the NAT, or patch it now by hand."));
        }
        return enqueue(environment, OperationKind.PATCH_NAT, actor, UnaryOperator.identity());
    }

    /**
     * Moves a ready environment between its own network and a shared one ({@link OperationKind#MOVE_NETWORK}), on or
     * off. The network feature calls this in its own transaction and records the way the move goes only when it is
     * enqueued; {@code destination} names where it goes, for the audit log.
     */
    @Transactional
    public OperationRequest requestNetworkMove(long environmentId, String destination, Actor actor) {
        Environment environment = lock(environmentId);
        OperationRequest refusal = refusal(environment, OperationKind.MOVE_NETWORK, actor);
        return refusal != null ? refusal : enqueue(environment, OperationKind.MOVE_NETWORK, actor,
                entry -> entry.detail("to", destination));
    }

    /** Queues the failed operation of a FAILED environment again; it resumes at the step that failed. */
    @Transactional
    public OperationRequest retry(long environmentId, Actor actor) {
        Environment environment = lock(environmentId);
        Optional<Operation> busy = operations.findFirstByEnvironmentIdAndStateIn(environmentId, IN_FLIGHT);
        if (busy.isPresent()) {
            return refused(environment, "retry", actor, new OperationRequest.Busy(busy.get().getId(),
                    busy.get().getKind()));
        }
        Operation last = operations.findFirstByEnvironmentIdOrderByIdDesc(environmentId).orElse(null);
        if (last == null || !OperationView.retryable(environment.getState(), last.getState())) {
            return refused(environment, "retry", actor, new OperationRequest.Refused("Only a failed environment"
                    + " can be retried; this one is " + environment.getState().label().toLowerCase() + "."));
        }
        String failedStep = last.getFailedStep();
        last.requeue();
        environment.moveTo(last.getKind().runningState(), clock.instant());
        operations.flush();
        queue.enqueueAfterCommit(last.getId());
        auditLog.record(OperationOutcomes.entry(AuditEntry.success("environment." + last.getKind().verb()
                + ".retried"), last, environment).actor(actor.name()).detail("fromStep", String.valueOf(failedStep))
                .detail("reason", String.valueOf(actor.reason())));
        return new OperationRequest.Enqueued(last.getId(), last.getKind());
    }

    /** The operation queued or running on the environment, if any: check this before requesting one. */
    @Transactional(readOnly = true)
    public Optional<OperationView> inFlight(long environmentId) {
        return operations.findFirstByEnvironmentIdAndStateIn(environmentId, IN_FLIGHT).map(OperationView::of);
    }

    /** The latest operation of the environment (in flight or finished), if any. */
    @Transactional(readOnly = true)
    public Optional<OperationView> latest(long environmentId) {
        return operations.findFirstByEnvironmentIdOrderByIdDesc(environmentId).map(OperationView::of);
    }

    /**
     * The latest operation of each of these environments (in flight or finished), by environment id, in one query;
     * environments without any are left out. The dashboard's batch form of {@link #latest(long)}.
     */
    @Transactional(readOnly = true)
    public Map<Long, OperationView> latestOf(Collection<Long> environmentIds) {
        if (environmentIds.isEmpty()) {
            return Map.of();
        }
        return operations.findLatestOf(environmentIds).stream().map(OperationView::of)
                .collect(Collectors.toMap(OperationView::environmentId, view -> view));
    }

    /** One operation of the environment, or empty when it does not exist or belongs to another environment. */
    @Transactional(readOnly = true)
    public Optional<OperationView> find(long environmentId, long operationId) {
        return operations.findById(operationId).filter(found -> found.getEnvironmentId() == environmentId)
                .map(OperationView::of);
    }

    /** The environment's operations, newest first. */
    @Transactional(readOnly = true)
    public List<OperationView> history(long environmentId, int limit) {
        return operations.findByEnvironmentIdOrderByIdDesc(environmentId, PageRequest.of(0, limit)).stream()
                .map(OperationView::of).toList();
    }

    private OperationRequest request(long environmentId, OperationKind kind, Actor actor) {
        Environment environment = lock(environmentId);
        OperationRequest refusal = refusal(environment, kind, actor);
        return refusal != null ? refusal : enqueue(environment, kind, actor, UnaryOperator.identity());
    }

    /** Busy, or a state the kind may not start from: the audited refusal; null when the request may go on. */
    private OperationRequest refusal(Environment environment, OperationKind kind, Actor actor) {
        Optional<Operation> busy = operations.findFirstByEnvironmentIdAndStateIn(environment.getId(), IN_FLIGHT);
        if (busy.isPresent()) {
            return refused(environment, kind.verb(), actor, new OperationRequest.Busy(busy.get().getId(),
                    busy.get().getKind()));
        }
        if (!kind.allowedFrom(environment.getState())) {
            return refused(environment, kind.verb(), actor, new OperationRequest.Refused(notAllowed(kind,
                    environment.getState())));
        }
        if (kind == OperationKind.PROVISION && networks.moveOf(environment.getId()).isPresent()) {
            // Provisioning would mix the two networks: the move knows which part is which, a provision does not.
            return refused(environment, kind.verb(), actor, new OperationRequest.Refused("A network move of this"
                    + " environment did not finish: retry it, or deprovision the environment."));
        }
        return null;
    }

    /** Stores the operation with its steps, moves the environment, queues the job and audits the request. */
    private OperationRequest enqueue(Environment environment, OperationKind kind, Actor actor,
            UnaryOperator<AuditEntry> details) {
        Instant now = clock.instant();
        List<String> steps = OperationPlans.steps(kind).stream().map(CloudStep::name).toList();
        Operation operation = operations.saveAndFlush(new Operation(environment.getId(), kind, actor, steps, now));
        environment.moveTo(kind.runningState(), now);
        queue.enqueueAfterCommit(operation.getId());
        auditLog.record(details.apply(OperationOutcomes.entry(AuditEntry.success("environment." + kind.verb()
                + ".requested"), operation, environment)));
        return new OperationRequest.Enqueued(operation.getId(), kind);
    }

    private OperationRequest refused(Environment environment, String verb, Actor actor, OperationRequest answer) {
        AuditEntry entry = AuditEntry.failure("environment." + verb + ".refused").team(environment.getTeamId())
                .target("environment", environment.getId()).actor(actor.name())
                .detail("name", environment.getName()).detail("state", environment.getState().name())
                .detail("why", answer.message());
        auditLog.record(actor.reason() == null ? entry : entry.detail("reason", actor.reason()));
        return answer;
    }

    private Environment lock(long environmentId) {
        return environments.findByIdForUpdate(environmentId).orElseThrow(EnvironmentNotFoundException::new);
    }

    private static String notAllowed(OperationKind kind, EnvironmentState state) {
        return switch (state) {
            case DRAFT -> "This environment is a draft: provision it first.";
            case DELETED -> "This environment is deleted.";
            case FAILED -> "The last operation failed: retry it, provision again or deprovision.";
            case PROVISIONING, DEPROVISIONING -> "The environment is " + state.label().toLowerCase() + ".";
            case READY -> kind.label() + " is not possible on a ready environment.";
        };
    }
}
