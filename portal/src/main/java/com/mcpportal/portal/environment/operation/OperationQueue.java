package com.mcpportal.portal.environment.operation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
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
    private static final int BATCH = 500;

    private final Scheduler scheduler;
    private final JdbcTemplate jdbc;
    private final String tablePrefix;
    /** Jobs stored since the job store's tables were last analysed (see {@link #refreshJobStoreStatistics}). */
    private final AtomicInteger storedSinceAnalysed = new AtomicInteger();
    private final ExecutorService afterCommit = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "operation-queue");
        thread.setDaemon(true);
        return thread;
    });

    OperationQueue(Scheduler scheduler, JdbcTemplate jdbc,
            @Value("${spring.quartz.properties.org.quartz.jobStore.tablePrefix:QRTZ_}") String tablePrefix) {
        this.scheduler = scheduler;
        this.jdbc = jdbc;
        this.tablePrefix = tablePrefix.matches("[A-Za-z0-9_]{0,30}") ? tablePrefix : "QRTZ_";
    }

    /** Queues the operation once the current transaction has committed (at once when there is none). */
    void enqueueAfterCommit(long operationId) {
        enqueueAllAfterCommit(List.of(operationId));
    }

    /**
     * Queues the operations once the current transaction has committed, in a few Quartz calls (each stores up to
     * {@value #BATCH} jobs under one lock) instead of one per operation.
     */
    void enqueueAllAfterCommit(List<Long> operationIds) {
        List<Long> ids = List.copyOf(operationIds);
        if (ids.isEmpty()) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            enqueueAll(ids);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                afterCommit.execute(() -> {
                    try {
                        enqueueAll(ids);
                    } catch (RuntimeException e) {
                        log.error("Could not queue operations {}; the watchdog will", ids, e);
                    }
                });
            }
        });
    }

    private void enqueueAll(List<Long> operationIds) {
        for (int from = 0; from < operationIds.size(); from += BATCH) {
            Map<JobDetail, Set<? extends Trigger>> jobs = new LinkedHashMap<>();
            for (long operationId : operationIds.subList(from, Math.min(from + BATCH, operationIds.size()))) {
                JobDetail job = job(operationId);
                jobs.put(job, Set.of(trigger(operationId, job)));
            }
            try {
                scheduler.scheduleJobs(jobs, true);
            } catch (SchedulerException e) {
                throw new IllegalStateException("Could not queue operations " + operationIds.get(from) + "…", e);
            }
            if (storedSinceAnalysed.addAndGet(jobs.size()) >= BATCH) {
                storedSinceAnalysed.set(0);
                refreshJobStoreStatistics();
            }
        }
    }

    /**
     * A burst (every team's 08:00) grows Quartz's job and trigger tables from a handful of rows to thousands within
     * seconds, long before autovacuum analyses them. So every {@value #BATCH} stored jobs, the queue analyses them. PostgreSQL's plans for Quartz's lookups and for the trigger
     * table's foreign-key check were made while the tables were tiny (sequential scans) and stay cached, so each
     * further job costs a scan of all the jobs stored so far. Analysing the two tables replaces those plans with
     * index lookups: 10,000 jobs stored in 7.9 s instead of 25.5 s (portal/BENCHMARKS.md). Without the privilege to analyse (a portal user that does not own the tables) this is
     * skipped.
     */
    private void refreshJobStoreStatistics() {
        try {
            jdbc.execute("ANALYZE " + tablePrefix + "JOB_DETAILS, " + tablePrefix + "TRIGGERS");
        } catch (DataAccessException e) {
            log.debug("Could not analyse the Quartz tables: {}", e.getMessage());
        }
    }

    /** Stores the operation's job and trigger; call it outside a transaction so Quartz sees them at once. */
    void enqueue(long operationId) {
        JobDetail job = job(operationId);
        try {
            scheduler.scheduleJob(job, Set.of(trigger(operationId, job)), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not queue operation " + operationId, e);
        }
    }

    private static JobDetail job(long operationId) {
        return JobBuilder.newJob(OperationJob.class)
                .withIdentity(key(operationId))
                .withDescription("environment operation " + operationId)
                .usingJobData(OperationJob.OPERATION_ID, operationId)
                .requestRecovery(true)
                .build();
    }

    private static Trigger trigger(long operationId, JobDetail job) {
        return TriggerBuilder.newTrigger()
                .withIdentity("operation-" + operationId, GROUP)
                .forJob(job)
                .startNow()
                .build();
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
