package com.mcpportal.portal.environment.operation;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentPower;
import com.mcpportal.portal.environment.EnvironmentState;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;


/**
 * The portal dies in the middle of an operation, right after a step's cloud calls returned and before it recorded
 * them (the worst moment): the operation is left RUNNING with no job. The recovery pass queues it again; it
 * resumes at that step, runs the steps done before it not again, creates nothing twice and ends where an
 * uninterrupted run ends. Every step of every kind of operation is a crash point.
 */
@PortalIntegrationTest
class OperationResumeIntegrationTests {

    /** What the portal dying looks like to the runner: nothing it catches. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash(String step) {
            super("simulated crash after the cloud calls of " + step);
        }
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    TestData data;

    @Autowired
    OperationRunner runner;

    @Autowired
    EnvironmentOperations operations;

    @Autowired
    OperationRecovery recovery;

    @Autowired
    OperationQueue queue;

    Environments environments;
    Team team;

    @BeforeEach
    void setUp() {
        environments = new Environments(context);
        team = data.team("Resume", data.user("resume-owner"));
    }

    @AfterEach
    void stopObserving() {
        runner.observeWith(null);
    }

    static Stream<Arguments> crashPoints() {
        return Stream.of(OperationKind.values()).flatMap(kind -> OperationPlans.steps(kind).stream()
                .map(step -> Arguments.of(kind, step.name())));
    }

    @ParameterizedTest(name = "{0} killed after the cloud calls of {1}")
    @MethodSource("crashPoints")
    void aCrashedOperationResumesAtItsStepAndEndsAsAnUninterruptedOne(OperationKind kind, String crashStep)
            throws Exception {
        Environment environment = kind == OperationKind.PROVISION ? environments.draft(team.getId(), "resume")
                : environments.ready(team.getId(), "resume");
        if (kind == OperationKind.START) {
            Environments.enqueued(operations.requestStop(environment.getId(), Actor.user("admin")));
            environments.awaitState(environment.getId(), EnvironmentState.READY);
        }
        Map<String, Object> resourcesBefore = environments.simulatedResources(environment);
        CountDownLatch crashed = new CountDownLatch(1);
        AtomicBoolean armed = new AtomicBoolean(true);
        Map<String, Object>[] resourcesAtCrash = new Map[1];
        runner.observeWith(new StepObserver() {
            @Override
            public void afterCloudCall(long operationId, String step) {
                if (step.equals(crashStep) && armed.getAndSet(false)) {
                    resourcesAtCrash[0] = environments.simulatedResources(environment);
                    crashed.countDown();
                    throw new SimulatedCrash(step);
                }
            }
        });

        long operationId = Environments.enqueued(request(kind, environment.getId()));
        assertThat(crashed.await(30, TimeUnit.SECONDS)).as("the operation reached " + crashStep).isTrue();
        awaitJobGone(operationId);
        OperationView halted = operations.latest(environment.getId()).orElseThrow();
        assertThat(halted.state()).isEqualTo(OperationState.RUNNING);
        assertThat(halted.steps()).filteredOn(step -> step.name().equals(crashStep))
                .extracting(OperationView.StepView::state).containsExactly(StepState.RUNNING);

        assertThat(recovery.resumeOrphans()).isEqualTo(1);
        environments.awaitOperation(operationId, "SUCCEEDED");

        OperationView resumed = operations.latest(environment.getId()).orElseThrow();
        assertThat(resumed.runs()).isEqualTo(2);
        int crashIndex = OperationPlans.steps(kind).stream().map(CloudStep::name).toList().indexOf(crashStep);
        for (int i = 0; i < resumed.steps().size(); i++) {
            OperationView.StepView step = resumed.steps().get(i);
            assertThat(step.state()).as(step.name()).isEqualTo(StepState.DONE);
            assertThat(step.attempts()).as("attempts of " + step.name()).isEqualTo(i == crashIndex ? 2 : 1);
        }
        Environment after = environments.service().get(environment.getId());
        Map<String, Object> resourcesAfter = environments.simulatedResources(after);
        switch (kind) {
            case PROVISION -> {
                assertThat(after.getState()).isEqualTo(EnvironmentState.READY);
                assertThat(after.getPower()).isEqualTo(EnvironmentPower.ON);
                assertThat(resourcesAfter).hasSize(9).containsAllEntriesOf(resourcesAtCrash[0]);
                assertThat(after.resources().network().vpcId()).isEqualTo(resourcesAfter.get("network"));
                assertThat(after.resources().nat().instanceId()).isEqualTo(resourcesAfter.get("nat-instance"));
                assertThat(after.resources().mcpUrl()).contains((String) resourcesAfter.get("http-api"));
            }
            case START, STOP -> {
                assertThat(after.getState()).isEqualTo(EnvironmentState.READY);
                assertThat(after.getPower()).isEqualTo(kind == OperationKind.START ? EnvironmentPower.ON
                        : EnvironmentPower.OFF);
                assertThat(resourcesAfter).isEqualTo(resourcesBefore);
            }
            case DEPROVISION -> {
                assertThat(after.getState()).isEqualTo(EnvironmentState.DELETED);
                assertThat(resourcesAfter).isEmpty();
            }
        }
    }

    private OperationRequest request(OperationKind kind, long environmentId) {
        Actor actor = Actor.user("admin");
        return switch (kind) {
            case PROVISION -> operations.requestProvision(environmentId, actor);
            case START -> operations.requestStart(environmentId, actor);
            case STOP -> operations.requestStop(environmentId, actor);
            case DEPROVISION -> operations.requestDeprovision(environmentId, actor);
        };
    }

    /** Quartz drops a job whose run ended abnormally once the run is over. */
    private void awaitJobGone(long operationId) {
        await("Quartz letting go of the crashed job").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> !queue.holds(operationId));
    }
}
