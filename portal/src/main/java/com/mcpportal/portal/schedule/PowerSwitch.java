package com.mcpportal.portal.schedule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentPower;
import com.mcpportal.portal.environment.EnvironmentRepository;
import com.mcpportal.portal.environment.EnvironmentState;
import com.mcpportal.portal.environment.operation.Actor;
import com.mcpportal.portal.environment.operation.EnvironmentOperations;
import com.mcpportal.portal.environment.operation.OperationKind;
import com.mcpportal.portal.environment.operation.PowerBatch;
import com.mcpportal.portal.environment.operation.OperationRequest;
import com.mcpportal.portal.environment.operation.OperationView;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asks for a Start or Stop on the scheduler's behalf, deciding again under the environment's row lock: the edge
 * trigger and the reconcile pass (on any portal instance) may reach the same environment at the same moment, and
 * only the first of them may enqueue. Nothing in flight is checked before asking, so a lost race is a quiet
 * "nothing to do", not a refused request in the audit log.
 */
@Component
class PowerSwitch {

    /** What became of one attempt. */
    enum Result {
        ENQUEUED, ALREADY, BUSY, CHANGED, NOT_READY, REFUSED
    }

    private final EnvironmentRepository environments;
    private final EnvironmentOperations operations;

    PowerSwitch(EnvironmentRepository environments, EnvironmentOperations operations) {
        this.environments = environments;
        this.operations = operations;
    }

    /**
     * @param seenOperationId the latest operation the decision was based on (null: none); if another has appeared
     *                        since, a person or another instance acted meanwhile and this attempt stands down
     */
    @Transactional
    Result turn(long environmentId, PowerState desired, Long seenOperationId, String reason) {
        Environment environment = environments.findByIdForUpdate(environmentId).orElse(null);
        if (environment == null || environment.getState() != EnvironmentState.READY) {
            return Result.NOT_READY;
        }
        if (environment.getPower() == (desired == PowerState.ON ? EnvironmentPower.ON : EnvironmentPower.OFF)) {
            return Result.ALREADY;
        }
        // An operation in flight is always the latest one (no other can be created meanwhile): one query for both.
        Optional<OperationView> latest = operations.latest(environmentId);
        if (latest.filter(OperationView::inFlight).isPresent()) {
            return Result.BUSY;
        }
        if (!Objects.equals(seenOperationId, latest.map(OperationView::id).orElse(null))) {
            return Result.CHANGED;
        }
        Actor actor = Actor.scheduler(reason);
        OperationRequest request = desired == PowerState.ON ? operations.requestStart(environmentId, actor)
                : operations.requestStop(environmentId, actor);
        return request.accepted() ? Result.ENQUEUED : Result.REFUSED;
    }

    /** One environment of {@link #turnAll}: the decision's desired state and the latest operation it saw. */
    record Turn(long environmentId, PowerState desired, Long seenOperationId, String reason) {
    }

    /**
     * {@link #turn} for many environments in one transaction with a constant number of statements (a shared edge:
     * every team's 08:00), deciding again under the environments' row locks as {@code turn} does.
     *
     * @return the result per environment id
     */
    @Transactional
    Map<Long, Result> turnAll(List<Turn> turns) {
        List<PowerBatch.Change> changes = turns.stream().map(turn -> new PowerBatch.Change(turn.environmentId(),
                turn.desired() == PowerState.ON ? OperationKind.START : OperationKind.STOP,
                Actor.scheduler(turn.reason()), turn.seenOperationId())).toList();
        Map<Long, Result> results = new LinkedHashMap<>();
        operations.requestPowerChanges(changes).forEach((id, outcome) -> results.put(id, switch (outcome) {
            case ENQUEUED -> Result.ENQUEUED;
            case NOT_READY -> Result.NOT_READY;
            case ALREADY -> Result.ALREADY;
            case BUSY -> Result.BUSY;
            case CHANGED -> Result.CHANGED;
        }));
        return results;
    }
}
