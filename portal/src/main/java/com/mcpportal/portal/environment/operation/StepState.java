package com.mcpportal.portal.environment.operation;

/** Where one step of an operation is. */
public enum StepState {
    PENDING, RUNNING, DONE, FAILED
}
