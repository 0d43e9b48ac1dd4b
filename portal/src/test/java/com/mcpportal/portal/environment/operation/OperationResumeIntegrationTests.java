package com.mcpportal.portal.environment.operation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.image.ServerImages;
import com.mcpportal.portal.cloud.simulated.SimulatedCloudProvider;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentPower;
import com.mcpportal.portal.environment.EnvironmentState;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.network.NetworkInput;
import com.mcpportal.portal.network.NetworkMoves;
import com.mcpportal.portal.network.Networks;
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

    /** The Patch NAT case's region: the newer NAT image it publishes there outdates no other test's NAT. */
    private static final String PATCH_REGION = "sa-east-1";

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

    @Autowired
    ServerImages serverImages;

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
        Environment environment = prepared(kind);
        Environment before = environment;
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
            case UPDATE_SERVER, ROLL_BACK -> {
                // The previous release moved exactly once: what ran before is the one to roll back to.
                assertThat(after.getState()).isEqualTo(EnvironmentState.READY);
                assertThat(after.resources().previous().image()).isEqualTo(before.resources().image());
                assertThat(after.resources().previous().taskDefinition())
                        .isEqualTo(before.resources().taskDefinition());
                assertThat(after.resources().image().version()).isEqualTo(kind == OperationKind.ROLL_BACK
                        ? before.resources().previous().image().version()
                        : serverImages.carriedVersion().orElseThrow());
                assertThat(after.resources().service().taskDefinitionArn())
                        .isEqualTo(after.resources().taskDefinition().arn());
                assertThat(resourcesAfter).isEqualTo(resourcesBefore);
            }
            case MOVE_NETWORK -> {
                // In the shared network once, with the same endpoint; its own VPC and NAT gone, nothing made twice.
                assertThat(after.getState()).isEqualTo(EnvironmentState.READY);
                assertThat(after.getPower()).isEqualTo(EnvironmentPower.ON);
                assertThat(after.resources().network().vpcId()).isNotEqualTo(before.resources().network().vpcId());
                assertThat(resourcesAfter).doesNotContainKeys("nat-instance", "network-next")
                        .containsEntry("http-api", resourcesBefore.get("http-api"));
                assertThat(after.resources().mcpUrl()).isEqualTo(before.resources().mcpUrl());
                assertThat(environments.jdbc().queryForObject("SELECT count(*) FROM simulated_resource WHERE"
                        + " component = 'nat-instance' AND environment_id LIKE 'network-%' AND attributes ->> 'subnet'"
                        + " = ?", Integer.class, after.resources().network().publicSubnetId())).isEqualTo(1);
                assertThat(environments.jdbc().queryForList("SELECT move FROM network_environment WHERE"
                        + " environment_id = ?", String.class, environment.getId())).containsExactly((String) null);
            }
            case DEPROVISION -> {
                assertThat(after.getState()).isEqualTo(EnvironmentState.DELETED);
                assertThat(resourcesAfter).isEmpty();
            }
            case PATCH_NAT -> {
                assertThat(after.getState()).isEqualTo(EnvironmentState.READY);
                assertThat(after.getPower()).isEqualTo(EnvironmentPower.ON);
                assertThat(resourcesAfter.get("nat-instance")).as("replaced once, before the crash")
                        .isNotEqualTo(resourcesBefore.get("nat-instance"))
                        .isEqualTo(resourcesAtCrash[0].get("nat-instance"));
                assertThat(after.resources().nat().instanceId()).isEqualTo(resourcesAfter.get("nat-instance"));
                assertThat(environments.jdbc().queryForList("SELECT details::text FROM audit_event WHERE target_id = ?"
                        + " AND action = 'environment.nat.replaced'", String.class,
                        String.valueOf(environment.getId()))).singleElement().asString()
                        .contains((String) resourcesBefore.get("nat-instance"),
                                (String) resourcesAfter.get("nat-instance"));
            }
        }
    }

    /** An environment the operation can run on: a draft to provision, one that runs an older server to update … */
    private Environment prepared(OperationKind kind) {
        Environment environment = switch (kind) {
            case PROVISION -> environments.draft(team.getId(), "resume");
            case PATCH_NAT -> environments.ready(team.getId(), "resume", PATCH_REGION);
            default -> environments.ready(team.getId(), "resume");
        };
        if (kind == OperationKind.PATCH_NAT) {
            // Amazon publishes a newer AMI: the NAT is replaced, so the crash falls after a replacement's calls.
            context.getBean(SimulatedCloudProvider.class).publishNatImage(PATCH_REGION, Architecture.ARM64);
        }
        if (kind == OperationKind.START) {
            Environments.enqueued(operations.requestStop(environment.getId(), Actor.user("admin")));
            environment = environments.awaitState(environment.getId(), EnvironmentState.READY);
        }
        if (kind == OperationKind.UPDATE_SERVER || kind == OperationKind.ROLL_BACK) {
            environment = environments.runsOlderServer(environment.getId());
        }
        if (kind == OperationKind.ROLL_BACK) {
            Environments.enqueued(operations.requestServerUpdate(environment.getId(), Actor.user("admin")));
            environment = environments.awaitState(environment.getId(), EnvironmentState.READY);
        }
        return environment;
    }

    private OperationRequest request(OperationKind kind, long environmentId) {
        Actor actor = Actor.user("admin");
        return switch (kind) {
            case PROVISION -> operations.requestProvision(environmentId, actor);
            case START -> operations.requestStart(environmentId, actor);
            case STOP -> operations.requestStop(environmentId, actor);
            case UPDATE_SERVER -> operations.requestServerUpdate(environmentId, actor);
            case ROLL_BACK -> operations.requestRollback(environmentId, actor);
            case DEPROVISION -> operations.requestDeprovision(environmentId, actor);
            case PATCH_NAT -> operations.requestNatPatch(environmentId, actor);
            case MOVE_NETWORK -> context.getBean(NetworkMoves.class).requestMove(team.getId(), environmentId,
                    sharedNetwork(environmentId).id(), actor);
        };
    }

    /** A shared network of the team, in the environment's account and region, to move it into. */
    private com.mcpportal.portal.network.Network sharedNetwork(long environmentId) {
        Environment environment = environments.service().get(environmentId);
        return context.getBean(Networks.class).createForTeam(team.getId(), new NetworkInput("resume-" + environmentId,
                environment.getCloudAccountId(), environment.getRegion(), "10.33.0.0/16", 1, false, List.of()));
    }

    /** Quartz drops a job whose run ended abnormally once the run is over. */
    private void awaitJobGone(long operationId) {
        await("Quartz letting go of the crashed job").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> !queue.holds(operationId));
    }
}
