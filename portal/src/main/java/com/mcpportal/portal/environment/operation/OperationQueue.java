package com.mcpportal.portal.environment.operation;

import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Hands operations to Quartz: one job per operation, fired once now, on whichever portal instance of the cluster
 * is free. {@code requestRecovery} makes Quartz run the job again if its instance dies mid-run.
 *
 * <p>A request's job is stored right after the request's transaction commits, on a thread of its own with no
 * transaction: Quartz wakes its scheduler thread as it stores a trigger, and a trigger still inside an open
 * transaction would be invisible to it (and wait for the next poll, 30 s later). Should the portal die between
 * the commit and storing the job, the operation stays QUEUED without a job, and {@link OperationRecovery} queues
 * it at the next start or watchdog pass.
 */
@Component
class OperationQueue implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OperationQueue.class);

    static final String GROUP = "environment-operations";

    private final Scheduler scheduler;
    private final ExecutorService afterCommit = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "operation-queue");
        thread.setDaemon(true);
        return thread;
    });

    OperationQueue(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Queues the operation once the current transaction has committed (at once when there is none). */
    void enqueueAfterCommit(long operationId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            enqueue(operationId);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                afterCommit.execute(() -> {
                    try {
                        enqueue(operationId);
                    } catch (RuntimeException e) {
                        log.error("Could not queue operation {}; the watchdog will", operationId, e);
                    }
                });
            }
        });
    }

    /** Stores the operation's job and trigger; call it outside a transaction so Quartz sees them at once. */
    void enqueue(long operationId) {
        JobDetail job = JobBuilder.newJob(OperationJob.class)
                .withIdentity(key(operationId))
                .withDescription("environment operation " + operationId)
                .usingJobData(OperationJob.OPERATION_ID, operationId)
                .requestRecovery(true)
                .build();
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity("operation-" + operationId, GROUP)
                .forJob(job)
                .startNow()
                .build();
        try {
            scheduler.scheduleJob(job, Set.of(trigger), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not queue operation " + operationId, e);
        }
    }

    /** Whether Quartz still holds the operation's job: queued, running, or waiting for recovery. */
    boolean holds(long operationId) {
        try {
            return scheduler.checkExists(key(operationId));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not ask Quartz about operation " + operationId, e);
        }
    }

    @Override
    public void destroy() {
        afterCommit.shutdown();
    }

    private static JobKey key(long operationId) {
        return JobKey.jobKey("operation-" + operationId, GROUP);
    }
}
