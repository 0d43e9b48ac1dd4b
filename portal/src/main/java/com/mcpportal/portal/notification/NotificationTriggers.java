package com.mcpportal.portal.notification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.mcpportal.portal.cost.BudgetCrossed;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentService;
import com.mcpportal.portal.environment.operation.EnvironmentOperations;
import com.mcpportal.portal.environment.operation.OperationFinished;
import com.mcpportal.portal.team.TeamService;
import jakarta.persistence.EntityManager;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Turns other features' events into notices, written to the outbox just before the event's own transaction commits:
 * the event and its messages are recorded together or not at all. A notice that cannot be made is logged and never
 * undoes the change that caused it: it is written inside a JDBC savepoint of the event's transaction, rolled back to
 * when a statement fails (in PostgreSQL a failed statement aborts the whole transaction otherwise, e.g. a channel
 * deleted between reading the channel list and inserting its message). Spring's {@code Propagation.NESTED} cannot do
 * this under JPA (Hibernate's dialect has no savepoint manager), hence the connection's own savepoint.
 */
@Component
class NotificationTriggers {

    private static final Logger log = LoggerFactory.getLogger(NotificationTriggers.class);

    private final Outbox outbox;
    private final EnvironmentService environments;
    private final EnvironmentOperations operations;
    private final TeamService teams;

    private final DataSource dataSource;
    private final EntityManager entityManager;

    NotificationTriggers(Outbox outbox, EnvironmentService environments, EnvironmentOperations operations,
                         TeamService teams, DataSource dataSource, EntityManager entityManager) {
        this.dataSource = dataSource;
        this.entityManager = entityManager;
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

    /**
     * Makes the notice and queues it inside a savepoint. The entities the event changed are flushed first, so their
     * writes stay outside the savepoint and a rollback to it takes back only the notice's own statements.
     */
    private void enqueue(String what, Supplier<Notice> notice) {
        entityManager.flush();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            Savepoint savepoint = connection.setSavepoint();
            try {
                Notice made = notice.get();
                if (made != null) {
                    outbox.enqueue(made);
                }
                connection.releaseSavepoint(savepoint);
            } catch (RuntimeException | SQLException e) {
                connection.rollback(savepoint);
                log.warn("Could not queue the notification about {}: {}", what, e.toString());
            }
        } catch (SQLException e) {
            log.warn("Could not queue the notification about {}: {}", what, e.toString());
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
