package com.mcpportal.portal.environment.operation;

/** Where an operation is: waiting for a worker, running, or finished one way or the other. */
public enum OperationState {
    QUEUED, RUNNING, SUCCEEDED, FAILED;

    /** Queued or running: at most one such operation per environment (enforced by the database). */
    public boolean inFlight() {
        return this == QUEUED || this == RUNNING;
    }
}
