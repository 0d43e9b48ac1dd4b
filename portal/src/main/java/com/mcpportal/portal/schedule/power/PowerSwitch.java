package com.mcpportal.portal.schedule.power;

import java.util.List;
import java.util.Map;

import com.mcpportal.portal.environment.operation.Actor;
import com.mcpportal.portal.environment.operation.EnvironmentOperations;
import com.mcpportal.portal.environment.operation.OperationKind;
import com.mcpportal.portal.environment.operation.PowerBatch;
import com.mcpportal.portal.schedule.PowerState;

import org.springframework.stereotype.Component;

/**
 * Asks for Starts and Stops on the scheduler's behalf through {@link PowerBatch}, which decides again under the
 * environments' row locks: the edge trigger and the reconcile pass (on any portal instance) may reach the same
 * environment at the same moment, and only the first of them may enqueue. A lost race is a quiet "nothing to do"
 * ({@code ALREADY}, {@code BUSY}, {@code CHANGED}), not a refused request in the audit log.
 */
@Component
public class PowerSwitch {

    /** One environment to turn: the decision's desired state, the latest operation it saw, and why. */
    record Turn(long environmentId, PowerState desired, Long seenOperationId, String reason) {
    }

    private final EnvironmentOperations operations;

    PowerSwitch(EnvironmentOperations operations) {
        this.operations = operations;
    }

    /**
     * @param seenOperationId the latest operation the decision was based on (null: none); if another has appeared
     *                        since, a person or another instance acted meanwhile and this attempt stands down
     */
    PowerBatch.Outcome turn(long environmentId, PowerState desired, Long seenOperationId, String reason) {
        return turnAll(List.of(new Turn(environmentId, desired, seenOperationId, reason))).get(environmentId);
    }

    /**
     * Many environments in one transaction with a constant number of statements (a shared edge: every team's
     * 08:00).
     *
     * @return the outcome per environment id
     */
    Map<Long, PowerBatch.Outcome> turnAll(List<Turn> turns) {
        return operations.requestPowerChanges(turns.stream().map(turn -> new PowerBatch.Change(turn.environmentId(),
                turn.desired() == PowerState.ON ? OperationKind.START : OperationKind.STOP,
                Actor.scheduler(turn.reason()), turn.seenOperationId())).toList());
    }
}
