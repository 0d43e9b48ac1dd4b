package com.mcpportal.portal.apikey.keyset;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mcpportal.portal.environment.EnvironmentQueries;
import com.mcpportal.portal.environment.operation.OperationFinished;
import com.mcpportal.portal.environment.operation.OperationKind;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When key sets are published: right after a change to a team's keys commits, after an environment is provisioned
 * (which creates its key-set secret with an empty set) or deprovisioned, and in a periodic pass that republishes every set that changed
 * (keys expire by the clock alone) or whose last publication failed. Publications triggered by a change run on two
 * background threads, so a slow cloud never holds up the page that issued or revoked the key.
 */
@Component
public class KeySetSync implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KeySetSync.class);

    private final KeySetPublisher publisher;
    private final EnvironmentQueries environments;
    private final ExecutorService background;

    KeySetSync(KeySetPublisher publisher, EnvironmentQueries environments) {
        this.publisher = publisher;
        this.environments = environments;
        AtomicInteger threads = new AtomicInteger();
        this.background = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "key-set-publisher-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @TransactionalEventListener
    void keysChanged(KeySetChanged change) {
        submit(() -> publishTeam(change.teamId(), false));
    }

    @TransactionalEventListener
    void operationFinished(OperationFinished finished) {
        if (finished.kind() == OperationKind.PROVISION) {
            // Provisioning may have (re)created the secret with an empty set: publish even if nothing changed here.
            // A failed run that got as far as the secret needs it too; the publisher skips one that did not.
            submit(() -> publisher.publish(finished.environmentId(), true));
        } else if (finished.kind() == OperationKind.DEPROVISION && finished.succeeded()) {
            submit(() -> publisher.retire(finished.environmentId()));
        }
        // Start and stop leave the secret alone.
    }

    /** Republishes the team's environments whose set changed (or all of them with {@code force}). */
    void publishTeam(long teamId, boolean force) {
        for (long environmentId : environments.idsOfTeamIn(teamId, KeySetPublisher.PUBLISHED_STATES)) {
            publishQuietly(environmentId, force);
        }
    }

    /**
     * The periodic pass: every environment whose current set differs from what its servers hold, or whose last
     * attempt failed, is published again; {@code force} republishes all (the daily pass repairs anything changed
     * behind the portal's back).
     *
     * @return how many environments it published to
     */
    public int publishAll(boolean force) {
        List<Long> environmentIds = environments.idsIn(KeySetPublisher.PUBLISHED_STATES);
        int published = 0;
        for (long environmentId : environmentIds) {
            if (publishQuietly(environmentId, force) == KeySetPublisher.Outcome.PUBLISHED) {
                published++;
            }
        }
        return published;
    }

    private KeySetPublisher.Outcome publishQuietly(long environmentId, boolean force) {
        try {
            return publisher.publish(environmentId, force);
        } catch (RuntimeException e) {
            // The database itself failed (the cloud's failures are recorded inside): the next pass retries.
            log.warn("Key set of environment {} not published: {}", environmentId, e.toString());
            return KeySetPublisher.Outcome.FAILED;
        }
    }

    private void submit(Runnable task) {
        try {
            background.execute(task);
        } catch (RejectedExecutionException shuttingDown) {
            log.info("Portal stopping: the periodic pass will publish the key set after the restart");
        }
    }

    @Override
    public void destroy() {
        background.shutdownNow();
    }
}
