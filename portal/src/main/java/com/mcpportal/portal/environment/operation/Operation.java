package com.mcpportal.portal.environment.operation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One provision, start, stop or deprovision of an environment, with its steps in order. */
@Entity
@Table(name = "operation")
class Operation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long environmentId;

    @Enumerated(EnumType.STRING)
    private OperationKind kind;

    @Enumerated(EnumType.STRING)
    private OperationState state;

    private String requestedBy;

    private String reason;

    private Instant createdAt;

    private Instant startedAt;

    private Instant finishedAt;

    private String failedStep;

    private String errorCode;

    private String errorMessage;

    private int runs;

    @Version
    private long version;

    @OneToMany(mappedBy = "operation", cascade = CascadeType.ALL)
    @OrderBy("position")
    private List<OperationStep> steps = new ArrayList<>();

    protected Operation() {
    }

    Operation(long environmentId, OperationKind kind, Actor actor, List<String> stepNames, Instant now) {
        this.environmentId = environmentId;
        this.kind = kind;
        this.state = OperationState.QUEUED;
        this.requestedBy = actor.name();
        this.reason = actor.reason() == null ? null : truncate(actor.reason(), 300);
        this.createdAt = now;
        for (int position = 0; position < stepNames.size(); position++) {
            steps.add(new OperationStep(this, position, stepNames.get(position)));
        }
    }

    void start(Instant now) {
        if (startedAt == null) {
            startedAt = now;
        }
        state = OperationState.RUNNING;
        runs++;
    }

    void succeed(Instant now) {
        state = OperationState.SUCCEEDED;
        finishedAt = now;
    }

    void fail(String step, String code, String message, Instant now) {
        state = OperationState.FAILED;
        failedStep = step;
        errorCode = code == null ? null : truncate(code, 100);
        errorMessage = message == null ? null : truncate(message, 2000);
        finishedAt = now;
    }

    /** Back in the queue after a failure: the failed step runs again, the steps done before it do not. */
    void requeue() {
        state = OperationState.QUEUED;
        failedStep = null;
        errorCode = null;
        errorMessage = null;
        finishedAt = null;
        steps.stream().filter(step -> step.getState() != StepState.DONE).forEach(OperationStep::reset);
    }

    Optional<OperationStep> nextStep() {
        return steps.stream().filter(step -> step.getState() != StepState.DONE).findFirst();
    }

    Optional<OperationStep> step(String name) {
        return steps.stream().filter(step -> step.getName().equals(name)).findFirst();
    }

    static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    Long getId() {
        return id;
    }

    long getEnvironmentId() {
        return environmentId;
    }

    OperationKind getKind() {
        return kind;
    }

    OperationState getState() {
        return state;
    }

    String getRequestedBy() {
        return requestedBy;
    }

    String getReason() {
        return reason;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getStartedAt() {
        return startedAt;
    }

    Instant getFinishedAt() {
        return finishedAt;
    }

    String getFailedStep() {
        return failedStep;
    }

    String getErrorCode() {
        return errorCode;
    }

    String getErrorMessage() {
        return errorMessage;
    }

    int getRuns() {
        return runs;
    }

    List<OperationStep> getSteps() {
        return steps;
    }
}
