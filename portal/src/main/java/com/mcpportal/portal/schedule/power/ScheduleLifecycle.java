package com.mcpportal.portal.schedule.power;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mcpportal.portal.environment.EnvironmentChanged;
import com.mcpportal.portal.environment.operation.OperationFinished;
import com.mcpportal.portal.schedule.ScheduleSettings;
import com.mcpportal.portal.schedule.store.ScheduleStore;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Follows environments through their life: a new one copies its team's default schedule (in the transaction
 * that creates it); a provisioned one gets its edge trigger and its scheduled power at once; a deprovisioned
 * one loses its trigger. Trigger work runs on a thread of its own after the commit, because Quartz must not
 * write inside the finished transaction's still-bound connection.
 */
@Component
class ScheduleLifecycle implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ScheduleLifecycle.class);

    private final ScheduleStore store;
    private final ScheduleReconciler reconciler;
    private final EdgeTriggers triggers;
    private final ScheduleSettings settings;
    private final ExecutorService afterCommit = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "schedule-lifecycle");
        thread.setDaemon(true);
        return thread;
    });

    ScheduleLifecycle(ScheduleStore store, ScheduleReconciler reconciler, EdgeTriggers triggers,
            ScheduleSettings settings) {
        this.store = store;
        this.reconciler = reconciler;
        this.triggers = triggers;
        this.settings = settings;
    }

    /** In the transaction that creates the environment: its schedule and the environment commit together. */
    @EventListener(condition = "#changed.what() == 'created'")
    void environmentCreated(EnvironmentChanged changed) {
        store.createFor(changed.environmentId(), changed.teamId());
    }

    @TransactionalEventListener
    void operationFinished(OperationFinished finished) {
        if (!finished.succeeded() || !settings.enforce()) {
            return;
        }
        long id = finished.environmentId();
        switch (finished.kind()) {
            case PROVISION -> later(id, () -> reconciler.reconcileOne(id, "environment provisioned"));
            case DEPROVISION -> later(id, () -> triggers.disarm(id));
            default -> {
                // Start and stop leave the trigger as it is: it already points at the next edge.
            }
        }
    }

    private void later(long environmentId, Runnable work) {
        afterCommit.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.error("Schedule follow-up for environment {} failed; the next reconcile pass repairs it",
                        environmentId, e);
            }
        });
    }

    @Override
    public void destroy() {
        afterCommit.shutdown();
    }
}
