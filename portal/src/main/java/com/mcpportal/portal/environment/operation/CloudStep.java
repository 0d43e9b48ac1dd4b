package com.mcpportal.portal.environment.operation;

import java.util.function.Function;

/**
 * One step of an operation: a stable name (stored with the step row), a label for people, and the cloud call(s)
 * it makes. Steps are idempotent because the port's calls are: running one again finds what it made before.
 */
record CloudStep(String name, String label, Function<StepContext, StepOutcome> action) {

    StepOutcome run(StepContext context) {
        return action.apply(context);
    }
}
