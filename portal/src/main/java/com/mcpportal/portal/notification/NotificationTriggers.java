package com.mcpportal.portal.notification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.mcpportal.portal.apikey.KeySetPublicationChanged;
import com.mcpportal.portal.apikey.RotatedKeyWaiting;
import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.cost.BudgetCrossed;
import com.mcpportal.portal.environment.DriftChanged;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentService;
import com.mcpportal.portal.environment.ErrorRateCrossed;
import com.mcpportal.portal.environment.operation.EnvironmentOperations;
import com.mcpportal.portal.environment.operation.OperationFinished;
import com.mcpportal.portal.environment.operation.OperationView;
import com.mcpportal.portal.team.TeamCreated;
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
    private final DeliveryStore deliveries;
    private final EnvironmentService environments;
    private final EnvironmentOperations operations;
    private final TeamService teams;
    private final NotificationChannels channels;
    private final DataSource dataSource;
    private final EntityManager entityManager;

    NotificationTriggers(Outbox outbox, DeliveryStore deliveries, EnvironmentService environments,
                         EnvironmentOperations operations, TeamService teams, NotificationChannels channels,
                         DataSource dataSource, EntityManager entityManager) {
        this.channels = channels;
        this.outbox = outbox;
        this.deliveries = deliveries;
        this.environments = environments;
        this.operations = operations;
        this.teams = teams;
        this.dataSource = dataSource;
        this.entityManager = entityManager;
    }

    /**
     * A failed operation: a schedule's own start or stop ({@code scheduler} asked for it) is "schedule could not start
     * or stop", any other "operation failed". A success is told only when it closes a failure this feature announced
     * (the operation was retried).
     */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void operationFinished(OperationFinished finished) {
        if (finished.succeeded() && !deliveries.failureAnnounced(finished.operationId())) {
            return; // most operations: a success that closes no announced failure is not news
        }
        enqueue("operation " + finished.operationId(), () -> {
            Environment environment = environments.get(finished.environmentId());
            OperationView operation = operations.find(environment.getId(), finished.operationId()).orElse(null);
            if (operation == null) {
                return null;
            }
            String team = team(environment.getTeamId());
            if (finished.succeeded()) {
                return Notices.operationRetried(team, environment, operation);
            }
            return AuditEntry.SCHEDULER.equals(operation.requestedBy())
                    ? Notices.scheduleFailed(team, environment, operation)
                    : Notices.operationFailed(team, environment, operation);
        });
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void errorRateCrossed(ErrorRateCrossed crossing) {
        enqueue("error rate of environment " + crossing.environmentId(),
                () -> Notices.errorRate(team(crossing.teamId()), crossing));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void driftChanged(DriftChanged drift) {
        enqueue("drift of environment " + drift.environmentId(), () -> Notices.drift(team(drift.teamId()), drift));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void keySetPublicationChanged(KeySetPublicationChanged change) {
        enqueue("key set of environment " + change.environmentId(),
                () -> Notices.keySetPublication(team(change.teamId()), change));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void keyRotated(RotatedKeyWaiting rotated) {
        enqueue("rotated key " + rotated.publicId(), () -> Notices.keyRotated(team(rotated.teamId()), rotated));
    }

    /** A new team gets its owners' e-mail channel when an SMTP server is set up. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void teamCreated(TeamCreated created) {
        enqueue("the default channel of team " + created.teamId(), () -> {
            channels.createOwnersDefault(created.teamId());
            return null;
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
        try {
            entityManager.flush();
        } catch (RuntimeException e) {
            // The event's own writes fail: its commit fails with them, and no notice is made for it.
            log.warn("Could not queue the notification about {}: {}", what, e.toString());
            return;
        }
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
