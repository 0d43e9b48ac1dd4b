package com.mcpportal.portal.environment.operation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds operations left in flight with no Quartz job behind them (the portal was killed mid-step and the job
 * went with it, a job ended abnormally, or the portal died between storing a request and queueing its job) and
 * queues them again; they resume at their first step not done. Runs at start and then periodically (the watchdog
 * job). Jobs that Quartz itself will recover are left alone, and so are requests a few seconds old, whose job is
 * being stored right now.
 */
@Component
public class OperationRecovery {

    private static final Logger log = LoggerFactory.getLogger(OperationRecovery.class);

    /** How long a fresh request may go without a job before it counts as orphaned. */
    static final Duration GRACE = Duration.ofSeconds(10);

    private final OperationRepository operations;
    private final OperationQueue queue;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OperationRecovery(OperationRepository operations, OperationQueue queue, TransactionTemplate transactions,
            Clock clock) {
        this.operations = operations;
        this.queue = queue;
        this.transactions = transactions;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        resumeOrphans();
    }

    /** Queues every orphaned operation again; returns how many. */
    public int resumeOrphans() {
        Instant settled = clock.instant().minus(GRACE);
        List<Operation> inFlight = transactions.execute(status -> operations.findByStateInOrderByIdAsc(
                EnumSet.of(OperationState.QUEUED, OperationState.RUNNING)));
        int resumed = 0;
        for (Operation operation : inFlight == null ? List.<Operation>of() : inFlight) {
            boolean fresh = operation.getState() == OperationState.QUEUED && operation.getStartedAt() == null
                    && operation.getCreatedAt().isAfter(settled);
            if (!fresh && !queue.holds(operation.getId())) {
                log.warn("Operation {} ({} of environment {}) was left {} with no job; resuming it",
                        operation.getId(), operation.getKind(), operation.getEnvironmentId(), operation.getState());
                queue.enqueue(operation.getId());
                resumed++;
            }
        }
        return resumed;
    }
}
