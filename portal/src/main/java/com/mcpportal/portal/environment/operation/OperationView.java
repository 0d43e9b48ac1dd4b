package com.mcpportal.portal.environment.operation;

import java.time.Instant;
import java.util.List;

import com.mcpportal.portal.environment.EnvironmentState;

/** An operation as pages and other features see it, with its steps in order. */
public record OperationView(long id, long environmentId, OperationKind kind, OperationState state, String requestedBy,
        String reason, Instant createdAt, Instant startedAt, Instant finishedAt, String failedStep, String errorCode,
        String errorMessage, int runs, List<StepView> steps) {

    /** One step as shown: its label, state, timing and what it found or why it failed. */
    public record StepView(String name, String label, StepState state, Instant startedAt, Instant finishedAt,
            String detail, int attempts) {
    }

    static OperationView of(Operation operation) {
        return new OperationView(operation.getId(), operation.getEnvironmentId(), operation.getKind(),
                operation.getState(), operation.getRequestedBy(), operation.getReason(), operation.getCreatedAt(),
                operation.getStartedAt(), operation.getFinishedAt(), operation.getFailedStep(),
                operation.getErrorCode(), operation.getErrorMessage(), operation.getRuns(),
                operation.getSteps().stream().map(step -> new StepView(step.getName(), OperationPlans.label(step.getName()),
                        step.getState(), step.getStartedAt(), step.getFinishedAt(), step.getDetail(),
                        step.getAttempts())).toList());
    }

    /**
     * Retry resumes a failed operation at its failed step: the environment failed and this, its latest operation,
     * failed too. The one rule {@link EnvironmentOperations#retry} applies and the pages offer the button by.
     */
    public boolean retryableOn(EnvironmentState environment) {
        return retryable(environment, state);
    }

    static boolean retryable(EnvironmentState environment, OperationState latest) {
        return environment == EnvironmentState.FAILED && latest == OperationState.FAILED;
    }

    public boolean inFlight() {
        return state.inFlight();
    }

    public long stepsDone() {
        return steps.stream().filter(step -> step.state() == StepState.DONE).count();
    }

    /** The label of the failed step, for the page. */
    public String failedStepLabel() {
        return failedStep == null ? null : OperationPlans.label(failedStep);
    }
}
