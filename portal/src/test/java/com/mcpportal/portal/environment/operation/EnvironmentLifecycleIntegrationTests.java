package com.mcpportal.portal.environment.operation;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.CloudProvider;
import com.mcpportal.portal.cloud.image.ServerImages;
import com.mcpportal.portal.cloud.simulated.SimulatedCloudProvider;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentCloud;
import com.mcpportal.portal.environment.EnvironmentPower;
import com.mcpportal.portal.environment.EnvironmentState;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** An environment's whole life in the simulated cloud, through the same operations the pages and the scheduler use. */
@PortalIntegrationTest
class EnvironmentLifecycleIntegrationTests {

    @Autowired
    ServerImages serverImages;

    @Autowired
    ApplicationContext context;

    @Autowired
    TestData data;

    @Autowired
    OperationRunner runner;

    @Autowired
    EnvironmentOperations operations;

    @Autowired
    SimulatedCloudProvider simulated;

    @Autowired
    JdbcTemplate jdbc;

    Environments environments;
    Team team;

    @BeforeEach
    void setUp() {
        environments = new Environments(context);
        team = data.team("Lifecycle", data.user("lifecycle-owner"));
    }

    @AfterEach
    void stopObserving() {
        runner.observeWith(null);
    }

    @Test
    void provisionStopStartAndDeprovisionInTheSimulatedCloud() {
        Environment draft = environments.draft(team.getId(), "voice");
        long id = draft.getId();

        long provision = Environments.enqueued(operations.requestProvision(id, Actor.user("alice")));
        Environment ready = environments.awaitState(id, EnvironmentState.READY);

        assertThat(ready.getPower()).isEqualTo(EnvironmentPower.ON);
        assertThat(ready.resources().mcpUrl()).matches("https://[a-z0-9]{10}\\.execute-api\\.eu-central-1\\.amazonaws\\.com/mcp");
        assertThat(ready.resources().network().vpcId()).matches("vpc-0[0-9a-f]{16}");
        assertThat(ready.resources().nat().instanceId()).matches("i-0[0-9a-f]{16}");
        assertThat(ready.resources().image().version()).as("the MCP server this portal carries")
                .isEqualTo(serverImages.carriedVersion().orElseThrow());
        assertThat(ready.resources().image().reference()).isEqualTo(ready.resources().repository().uri() + "@"
                + ready.resources().image().digest()).matches(".*@sha256:[0-9a-f]{64}");
        assertThat(ready.resources().image().tag()).contains("-arm64-");
        assertThat(environments.simulatedResources(ready)).containsOnlyKeys("network", "nat-instance",
                "ecr-repository", "log-group", "ecs-cluster", "task-definition", "service-discovery", "ecs-service",
                "http-api");
        assertThat(operations.latest(id).orElseThrow().steps()).allSatisfy(step -> {
            assertThat(step.state()).isEqualTo(StepState.DONE);
            assertThat(step.attempts()).isEqualTo(1);
        });
        assertThat(operations.latest(id).orElseThrow().id()).isEqualTo(provision);

        // The key went to the (simulated) parameter store; the portal keeps no copy and never wrote it in clear.
        EnvironmentCloud cloud = environments.service().cloudOf(id);
        assertThat(simulated.secretValue(cloud.ref(), CloudProvider.ELEVENLABS_API_KEY_SECRET))
                .contains(Environments.ELEVENLABS_KEY);
        assertThat(ready.hasPendingElevenLabsKey()).isFalse();
        assertThat(tablesContaining(Environments.ELEVENLABS_KEY)).isEmpty();

        Environments.enqueued(operations.requestStop(id, Actor.user("alice")));
        Environment stopped = environments.awaitState(id, EnvironmentState.READY);
        assertThat(stopped.getPower()).isEqualTo(EnvironmentPower.OFF);
        assertThat(simulated.describe(cloud.ref()).nat().name()).isEqualTo("STOPPED");
        assertThat(simulated.describe(cloud.ref()).service().running()).isZero();
        assertThat(operations.latest(id).orElseThrow().steps()).extracting(OperationView.StepView::name)
                .containsExactly("scale-down", "stop-nat");

        Environments.enqueued(operations.requestStart(id, Actor.scheduler("window Mon 08:00–20:00 UTC opened")));
        Environment started = environments.awaitState(id, EnvironmentState.READY);
        assertThat(started.getPower()).isEqualTo(EnvironmentPower.ON);
        assertThat(simulated.describe(cloud.ref()).nat().name()).isEqualTo("RUNNING");
        assertThat(simulated.describe(cloud.ref()).service().running()).isEqualTo(1);

        Environments.enqueued(operations.requestDeprovision(id, Actor.user("alice")));
        Environment deleted = environments.awaitState(id, EnvironmentState.DELETED);
        assertThat(deleted.getDeletedAt()).isNotNull();
        assertThat(deleted.getPower()).isNull();
        assertThat(environments.simulatedResources(deleted)).isEmpty();
        assertThat(simulated.remainingResources(cloud.ref())).isEmpty();

        assertThat(auditActions(id)).containsExactly("environment.created", "environment.provision.requested",
                "environment.provisioned", "environment.stop.requested", "environment.stopped",
                "environment.start.requested", "environment.started", "environment.deprovision.requested",
                "environment.deprovisioned");
        assertThat(jdbc.queryForList("SELECT actor FROM audit_event WHERE target_id = ? AND action LIKE"
                + " 'environment.start%' ORDER BY id", String.class, String.valueOf(id)))
                .containsExactly("scheduler", "scheduler");
    }

    @Test
    void aFailingStepStopsTheOperationWithTheCloudsMessageAndRetryResumesAtThatStep() {
        AtomicBoolean failOnce = new AtomicBoolean(true);
        runner.observeWith(new StepObserver() {
            @Override
            public void beforeStep(long operationId, String step) {
                if (step.equals("nat-instance") && failOnce.getAndSet(false)) {
                    throw new CloudException(CloudErrorKind.ACCESS_DENIED, "ensure-nat-instance", "ec2",
                            "UnauthorizedOperation", "You are not authorized to perform this operation.", null);
                }
            }
        });
        Environment draft = environments.draft(team.getId(), "denied");

        long operation = Environments.enqueued(operations.requestProvision(draft.getId(), Actor.user("bob")));
        Environment failed = environments.awaitState(draft.getId(), EnvironmentState.FAILED);

        assertThat(failed.getFailedStep()).isEqualTo("nat-instance");
        assertThat(failed.getFailureCode()).isEqualTo("UnauthorizedOperation");
        assertThat(failed.getFailureMessage()).isEqualTo(
                "ec2 UnauthorizedOperation: You are not authorized to perform this operation.");
        OperationView view = operations.latest(draft.getId()).orElseThrow();
        assertThat(view.state()).isEqualTo(OperationState.FAILED);
        assertThat(view.failedStep()).isEqualTo("nat-instance");
        assertThat(auditActions(draft.getId())).contains("environment.provision.failed");
        assertThat(operations.requestStart(draft.getId(), Actor.user("bob")))
                .isInstanceOf(OperationRequest.Refused.class);

        assertThat(Environments.enqueued(operations.retry(draft.getId(), Actor.user("bob")))).isEqualTo(operation);
        Environment ready = environments.awaitState(draft.getId(), EnvironmentState.READY);

        assertThat(ready.getFailedStep()).isNull();
        Map<String, Integer> attempts = attempts(operations.latest(draft.getId()).orElseThrow());
        assertThat(attempts).containsEntry("network", 1).containsEntry("nat-instance", 2)
                .containsEntry("ingress", 1);
        assertThat(auditActions(draft.getId())).contains("environment.provision.retried", "environment.provisioned");
    }

    @Test
    void operationsThatTheStateDoesNotAllowAreRefusedAndAudited() {
        Environment draft = environments.draft(team.getId(), "refused");

        OperationRequest start = operations.requestStart(draft.getId(), Actor.user("carol"));
        OperationRequest retry = operations.retry(draft.getId(), Actor.user("carol"));

        assertThat(start).isInstanceOf(OperationRequest.Refused.class);
        assertThat(start.message()).contains("draft");
        assertThat(retry).isInstanceOf(OperationRequest.Refused.class);
        assertThat(environments.operationStates(draft.getId())).isEmpty();
        assertThat(auditActions(draft.getId())).contains("environment.start.refused", "environment.retry.refused");
    }

    private Map<String, Integer> attempts(OperationView operation) {
        Map<String, Integer> attempts = new java.util.LinkedHashMap<>();
        operation.steps().forEach(step -> attempts.put(step.name(), step.attempts()));
        return attempts;
    }

    private List<String> auditActions(long environmentId) {
        return jdbc.queryForList("SELECT action FROM audit_event WHERE target_type = 'environment' AND target_id = ?"
                + " ORDER BY id", String.class, String.valueOf(environmentId));
    }

    /** Every text column of the tables an environment touches that contains the value. */
    private List<String> tablesContaining(String value) {
        return jdbc.queryForList("""
                SELECT 'environment' FROM environment WHERE CAST(environment.* AS text) LIKE '%' || ? || '%'
                UNION ALL SELECT 'operation_step' FROM operation_step WHERE CAST(operation_step.* AS text) LIKE '%' || ? || '%'
                UNION ALL SELECT 'simulated_secret' FROM simulated_secret WHERE CAST(simulated_secret.* AS text) LIKE '%' || ? || '%'
                UNION ALL SELECT 'audit_event' FROM audit_event WHERE CAST(audit_event.* AS text) LIKE '%' || ? || '%'
                """, String.class, value, value, value, value);
    }
}
