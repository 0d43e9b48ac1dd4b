package com.mcpportal.portal.environment.operation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentState;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Only one operation runs on an environment at a time, however many ask at once. */
@PortalIntegrationTest
class OperationConcurrencyIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestData data;

    @Autowired
    OperationRunner runner;

    @Autowired
    EnvironmentOperations operations;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void stopObserving() {
        runner.observeWith(null);
    }

    @Test
    void twoStartRequestsAtTheSameMomentEnqueueOneOperation() throws Exception {
        Environments environments = new Environments(context);
        Environment environment = environments.ready(data.team("Race", data.user("race-owner")).getId(), "race");
        Environments.enqueued(operations.requestStop(environment.getId(), Actor.user("admin")));
        environments.awaitState(environment.getId(), EnvironmentState.READY);
        // The winner's operation is held at its first step, so the loser meets it in flight, never finished.
        CountDownLatch release = new CountDownLatch(1);
        runner.observeWith(new StepObserver() {
            @Override
            public void beforeStep(long operationId, String step) {
                await(release);
            }
        });
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        List<Future<OperationRequest>> answers = new ArrayList<>();
        for (String caller : List.of("scheduler", "alice")) {
            answers.add(callers.submit(() -> {
                together.await(10, TimeUnit.SECONDS);
                return operations.requestStart(environment.getId(), new Actor(caller, "race"));
            }));
        }
        List<OperationRequest> results = new ArrayList<>();
        for (Future<OperationRequest> answer : answers) {
            results.add(answer.get(30, TimeUnit.SECONDS));
        }
        callers.shutdown();

        assertThat(results).filteredOn(OperationRequest::accepted).hasSize(1);
        assertThat(results).filteredOn(r -> r instanceof OperationRequest.Busy).singleElement()
                .satisfies(busy -> assertThat(busy.message()).contains("in progress"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM operation WHERE environment_id = ? AND kind = 'START'",
                Integer.class, environment.getId())).isEqualTo(1);

        release.countDown();
        environments.awaitState(environment.getId(), EnvironmentState.READY);
        assertThat(operations.latest(environment.getId()).orElseThrow().state()).isEqualTo(OperationState.SUCCEEDED);
    }

    @Test
    void theDatabaseRefusesASecondOperationInFlightEvenWithoutTheApplicationsCheck() {
        Environments environments = new Environments(context);
        Environment draft = environments.draft(data.team("Index", data.user("index-owner")).getId(), "index");
        String insert = "INSERT INTO operation (environment_id, kind, state, requested_by, created_at)"
                + " VALUES (?, ?, ?, 'test', now())";
        jdbc.update(insert, draft.getId(), "PROVISION", "QUEUED");

        assertThatThrownBy(() -> jdbc.update(insert, draft.getId(), "START", "RUNNING"))
                .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("operation_one_in_flight");
        jdbc.update(insert, draft.getId(), "STOP", "FAILED");
        jdbc.update("UPDATE operation SET state = 'FAILED' WHERE environment_id = ?", draft.getId());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
