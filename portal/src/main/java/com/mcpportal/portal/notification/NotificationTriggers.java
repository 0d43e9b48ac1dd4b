package com.mcpportal.portal.notification;

import java.util.function.Supplier;

import com.mcpportal.portal.cost.BudgetCrossed;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentService;
import com.mcpportal.portal.environment.operation.EnvironmentOperations;
import com.mcpportal.portal.environment.operation.OperationFinished;
import com.mcpportal.portal.team.TeamService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Turns other features' events into notices, written to the outbox just before the event's own transaction commits:
 * the event and its messages are recorded together or not at all. A notice that cannot be made is logged and never
 * undoes the change that caused it (the statements that write it are kept from failing: see
 * {@link DeliveryStore#enqueue}; a failed statement would abort the whole transaction).
 */
@Component
class NotificationTriggers {

    private static final Logger log = LoggerFactory.getLogger(NotificationTriggers.class);

    private final Outbox outbox;
    private final EnvironmentService environments;
    private final EnvironmentOperations operations;
    private final TeamService teams;

    NotificationTriggers(Outbox outbox, EnvironmentService environments, EnvironmentOperations operations,
                         TeamService teams) {
        this.outbox = outbox;
        this.environments = environments;
        this.operations = operations;
        this.teams = teams;
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void operationFinished(OperationFinished finished) {
        if (finished.succeeded()) {
            return;
        }
        enqueue("operation " + finished.operationId(), () -> {
            Environment environment = environments.get(finished.environmentId());
            return operations.find(environment.getId(), finished.operationId())
                    .map(operation -> Notices.operationFailed(team(environment.getTeamId()), environment, operation))
                    .orElse(null);
        });
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void budgetCrossed(BudgetCrossed crossing) {
        enqueue("budget of team " + crossing.teamId(), () -> Notices.budgetCrossed(team(crossing.teamId()), crossing));
    }

    private String team(long teamId) {
        return teams.name(teamId).orElse("#" + teamId);
    }

    private void enqueue(String what, Supplier<Notice> notice) {
        try {
            Notice made = notice.get();
            if (made != null) {
                outbox.enqueue(made);
            }
        } catch (RuntimeException e) {
            log.warn("Could not queue the notification about {}: {}", what, e.toString());
        }
    }
}
