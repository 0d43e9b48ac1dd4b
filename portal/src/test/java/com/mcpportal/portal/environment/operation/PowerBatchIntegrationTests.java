package com.mcpportal.portal.environment.operation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.mcpportal.portal.audit.chain.AuditChainVerifier;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentPower;
import com.mcpportal.portal.environment.EnvironmentState;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many starts and stops in one transaction: the same rows, audit events and jobs as one request each, only for the
 * environments still due, never twice when two batches meet.
 */
@PortalIntegrationTest
class PowerBatchIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestData data;

    @Autowired
    EnvironmentOperations operations;

    @Autowired
    OperationRunner runner;

    @Autowired
    AuditChainVerifier verifier;

    @Autowired
    JdbcTemplate jdbc;

    Environments environments;
    long teamId;

    @BeforeEach
    void team() {
        environments = new Environments(context);
        teamId = data.team("Power batch", data.user("batch-owner")).getId();
    }

    @AfterEach
    void stopObserving() {
        runner.observeWith(null);
    }

    @Test
    void onlyTheEnvironmentsStillDueAreAskedForAndTheirOperationsRun() throws Exception {
        Environment due = environments.ready(teamId, "due");
        Environment already = environments.ready(teamId, "already");
        Environment busy = environments.ready(teamId, "busy");
        Environment changed = environments.ready(teamId, "changed");
        Environment draft = environments.draft(teamId, "draft");
        long auditBefore = lastAuditId();

        // Hold every operation at its first step: the busy one stays in flight while the batch runs.
        CountDownLatch release = new CountDownLatch(1);
        runner.observeWith(new StepObserver() {
            @Override
            public void beforeStep(long operationId, String step) {
                await(release);
            }
        });
        Environments.enqueued(operations.requestStop(busy.getId(), Actor.user("alice")));

        Map<Long, PowerBatch.Outcome> outcomes = operations.requestPowerChanges(List.of(
                stop(due, latestOf(due), "window Mon 08:00–20:00 Europe/Berlin closed"),
                new PowerBatch.Change(already.getId(), OperationKind.START, Actor.scheduler("on anyway"),
                        latestOf(already)),
                stop(busy, latestOf(busy) - 1, "busy"),
                stop(changed, latestOf(changed) - 1, "someone acted meanwhile"),
                stop(draft, null, "a draft")));
        release.countDown();

        assertThat(outcomes).containsExactly(Map.entry(due.getId(), PowerBatch.Outcome.ENQUEUED),
                Map.entry(already.getId(), PowerBatch.Outcome.ALREADY),
                Map.entry(busy.getId(), PowerBatch.Outcome.BUSY),
                Map.entry(changed.getId(), PowerBatch.Outcome.CHANGED),
                Map.entry(draft.getId(), PowerBatch.Outcome.NOT_READY));

        environments.awaitState(due.getId(), EnvironmentState.READY);
        assertThat(environments.service().get(due.getId()).getPower()).isEqualTo(EnvironmentPower.OFF);
        Map<String, Object> operation = jdbc.queryForMap("SELECT id, kind, state, requested_by, reason FROM operation"
                + " WHERE environment_id = ? ORDER BY id DESC LIMIT 1", due.getId());
        assertThat(operation).containsEntry("kind", "STOP").containsEntry("state", "SUCCEEDED")
                .containsEntry("requested_by", "scheduler")
                .containsEntry("reason", "window Mon 08:00–20:00 Europe/Berlin closed");
        assertThat(jdbc.queryForList("SELECT name || ' ' || state FROM operation_step WHERE operation_id = ?"
                + " ORDER BY position", String.class, operation.get("id")))
                .containsExactlyElementsOf(OperationPlans.steps(OperationKind.STOP).stream()
                        .map(step -> step.name() + " DONE").toList());

        assertThat(jdbc.queryForList("SELECT action || ' ' || target_id || ' ' || actor || ' ' || (details->>'reason')"
                + " || ' ' || (details->>'operation') FROM audit_event WHERE id > ? AND action LIKE 'environment.%'"
                + " AND actor = 'scheduler' ORDER BY id", String.class, auditBefore))
                .containsExactly("environment.stop.requested " + due.getId() + " scheduler window Mon 08:00–20:00"
                                + " Europe/Berlin closed " + operation.get("id"),
                        "environment.stopped " + due.getId() + " scheduler window Mon 08:00–20:00 Europe/Berlin closed "
                                + operation.get("id"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE id > ? AND action LIKE '%.refused'",
                Long.class, auditBefore)).as("a batch refuses nothing in the audit log").isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM operation WHERE environment_id IN (?, ?, ?)",
                Long.class, already.getId(), changed.getId(), draft.getId())).as("their only operations: provisioning")
                .isEqualTo(2);
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void twoBatchesAtTheSameMomentAskOncePerEnvironment() throws Exception {
        List<Environment> ready = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ready.add(environments.ready(teamId, "race"));
        }
        List<PowerBatch.Change> changes = ready.stream()
                .map(environment -> stop(environment, latestOf(environment), "edge")).toList();

        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        List<Future<Map<Long, PowerBatch.Outcome>>> answers = new ArrayList<>();
        for (int caller = 0; caller < 2; caller++) {
            // One asks in id order and one in reverse: the locks are taken in id order anyway, so no deadlock.
            List<PowerBatch.Change> mine = new ArrayList<>(changes);
            if (caller == 1) {
                Collections.reverse(mine);
            }
            answers.add(callers.submit(() -> {
                together.await(10, TimeUnit.SECONDS);
                return operations.requestPowerChanges(mine);
            }));
        }
        long enqueued = 0;
        for (Future<Map<Long, PowerBatch.Outcome>> answer : answers) {
            enqueued += answer.get(30, TimeUnit.SECONDS).values().stream()
                    .filter(PowerBatch.Outcome.ENQUEUED::equals).count();
        }
        callers.shutdown();

        assertThat(enqueued).isEqualTo(ready.size());
        for (Environment environment : ready) {
            environments.awaitState(environment.getId(), EnvironmentState.READY);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM operation WHERE environment_id = ? AND kind = 'STOP'",
                    Long.class, environment.getId())).isOne();
            assertThat(environments.service().get(environment.getId()).getPower()).isEqualTo(EnvironmentPower.OFF);
        }
    }

    private static PowerBatch.Change stop(Environment environment, Long seen, String reason) {
        return new PowerBatch.Change(environment.getId(), OperationKind.STOP, Actor.scheduler(reason), seen);
    }

    private long latestOf(Environment environment) {
        return jdbc.queryForObject("SELECT max(id) FROM operation WHERE environment_id = ?", Long.class,
                environment.getId());
    }

    private long lastAuditId() {
        return jdbc.queryForObject("SELECT coalesce(max(id), 0) FROM audit_event", Long.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
