package com.mcpportal.portal.environment.operation;

/**
 * Told about each step as the runner moves through it. The portal itself uses none; tests use one to halt an
 * operation at a chosen point (simulating a crash) or to hold it while they act.
 */
interface StepObserver {

    StepObserver NONE = new StepObserver() { };

    /** Before the step starts. */
    default void beforeStep(long operationId, String step) {
    }

    /** After the step's cloud calls returned, before the portal recorded the result. */
    default void afterCloudCall(long operationId, String step) {
    }
}
