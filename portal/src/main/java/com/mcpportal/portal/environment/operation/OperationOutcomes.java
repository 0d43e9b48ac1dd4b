package com.mcpportal.portal.environment.operation;

import java.time.Clock;
import java.time.Instant;

import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.audit.AuditLog;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentRepository;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How an operation ends, in one transaction: the operation, the environment's state and power, the audit event
 * (actor: whoever asked for the operation) and the {@link OperationFinished} event.
 */
@Component
class OperationOutcomes {

    private final OperationRepository operations;
    private final EnvironmentRepository environments;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OperationOutcomes(OperationRepository operations, EnvironmentRepository environments, AuditLog auditLog,
            ApplicationEventPublisher events, Clock clock) {
        this.operations = operations;
        this.environments = environments;
        this.auditLog = auditLog;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void succeeded(long operationId) {
        Instant now = clock.instant();
        Operation operation = operations.findById(operationId).orElseThrow();
        Environment environment = environments.findByIdForUpdate(operation.getEnvironmentId()).orElseThrow();
        OperationKind kind = operation.getKind();
        operation.succeed(now);
        environment.moveTo(kind.successState(), now);
        environment.setPower(kind.powerAfter(environment.getPower()), now);
        auditLog.record(entry(AuditEntry.success("environment." + kind.pastTense()), operation, environment)
                .detail("endpoint", String.valueOf(environment.resources().mcpUrl())));
        events.publishEvent(new OperationFinished(environment.getId(), operationId, kind, true));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void failed(long operationId, String step, CloudException failure) {
        Instant now = clock.instant();
        Operation operation = operations.findById(operationId).orElseThrow();
        Environment environment = environments.findByIdForUpdate(operation.getEnvironmentId()).orElseThrow();
        String message = failure.providerMessage();
        String code = failure.errorCode();
        String detail = (failure.service() == null ? "" : failure.service() + " ") + (code == null ? "" : code + ": ")
                + message;
        operation.step(step).ifPresent(s -> s.fail(detail, now));
        operation.fail(step, code, detail, now);
        environment.fail(step, code, detail, now);
        auditLog.record(entry(AuditEntry.failure("environment." + operation.getKind().verb() + ".failed"), operation,
                environment).detail("step", step).detail("errorCode", String.valueOf(code))
                .detail("error", Operation.truncate(detail, 500)).detail("retryable", failure.retryable()));
        events.publishEvent(new OperationFinished(environment.getId(), operationId, operation.getKind(), false));
    }

    static AuditEntry entry(AuditEntry base, Operation operation, Environment environment) {
        return entry(base, operation.getId(), operation.getReason(), operation.getRequestedBy(), environment.getId(),
                environment.getTeamId(), environment.getName());
    }

    /** The same event from the columns alone (a {@link PowerBatch} writes rows, not entities). */
    static AuditEntry entry(AuditEntry base, long operationId, String reason, String requestedBy, long environmentId,
            long teamId, String environmentName) {
        AuditEntry entry = base.team(teamId).target("environment", environmentId).actor(requestedBy)
                .detail("name", environmentName).detail("operation", operationId);
        return reason == null ? entry : entry.detail("reason", reason);
    }
}
