package com.mcpportal.portal.environment.operation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The steps of each kind of operation, and their labels by name. */
final class OperationPlans {

    private static final Map<String, String> LABELS = new HashMap<>();

    static {
        for (OperationKind kind : OperationKind.values()) {
            steps(kind).forEach(step -> LABELS.put(step.name(), step.label()));
        }
    }

    private OperationPlans() {
    }

    static List<CloudStep> steps(OperationKind kind) {
        return switch (kind) {
            case PROVISION -> ProvisionSteps.STEPS;
            case START -> PowerSteps.START;
            case STOP -> PowerSteps.STOP;
            case UPDATE_SERVER -> UpdateSteps.UPDATE;
            case ROLL_BACK -> UpdateSteps.ROLL_BACK;
            case DEPROVISION -> DeprovisionSteps.STEPS;
            case PATCH_NAT -> List.of(NatPatchStep.PATCH);
            case MOVE_NETWORK -> MoveSteps.STEPS;
        };
    }

    static String label(String name) {
        return LABELS.getOrDefault(name, name);
    }
}
