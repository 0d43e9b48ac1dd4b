package com.mcpportal.portal.environment;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.FargateSize;
import com.mcpportal.portal.cloud.ImageRef;
import com.mcpportal.portal.environment.operation.EnvironmentOperations;
import com.mcpportal.portal.environment.operation.OperationRequest;
import com.mcpportal.portal.support.TestData;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Test helpers for environments in a running portal: create one in the simulated account through the real service,
 * run operations and wait for them to end (the simulated cloud is near-instant in tests).
 */
public final class Environments {

    /** The ElevenLabs key every test environment gets. */
    public static final String ELEVENLABS_KEY = "xi-test-key-0123456789abcdef";

    private final ApplicationContext context;

    public Environments(ApplicationContext context) {
        this.context = context;
    }

    public static EnvironmentInput input(String name, long accountId) {
        return input(name, accountId, "eu-central-1");
    }

    /**
     * In a region of its own: the simulated cloud publishes NAT images per region, so a test that publishes a newer
     * one outdates the NATs of that region only.
     */
    public static EnvironmentInput input(String name, long accountId, String region) {
        return new EnvironmentInput(name, accountId, region, FargateSize.DEFAULT, Architecture.ARM64,
                ImageSource.PUBLISHED, null, null, "t4g.nano", false, false, 7, List.of("203.0.113.0/24"),
                ELEVENLABS_KEY);
    }

    /** The simulated account every fresh portal has. */
    public long simulatedAccountId() {
        return jdbc().queryForObject("SELECT min(id) FROM cloud_account WHERE mode = 'SIMULATED'", Long.class);
    }

    /** A draft in the team, with a unique name from the prefix. */
    public Environment draft(long teamId, String prefix) {
        return service().create(teamId, input(TestData.unique(prefix), simulatedAccountId()));
    }

    /** A provisioned (READY, ON) environment in the team. */
    public Environment ready(long teamId, String prefix) {
        return provisioned(draft(teamId, prefix));
    }

    /** A provisioned (READY, ON) environment in the team, in the region. */
    public Environment ready(long teamId, String prefix, String region) {
        return provisioned(service().create(teamId, input(TestData.unique(prefix), simulatedAccountId(), region)));
    }

    private Environment provisioned(Environment draft) {
        enqueued(operations().requestProvision(draft.getId(), com.mcpportal.portal.environment.operation.Actor
                .user("admin")));
        return awaitState(draft.getId(), EnvironmentState.READY);
    }

    /** The MCP server version {@link #runsOlderServer} makes an environment run. */
    public static final String OLDER_VERSION = "0.0.1";

    /**
     * Makes a ready environment run an older MCP server, as if an older portal had published it: its recorded image
     * becomes version {@value #OLDER_VERSION} (another digest and build), and "Apply changes" then registers a task
     * definition revision for that image and moves the service to it, as provisioning did back then.
     */
    public Environment runsOlderServer(long environmentId) {
        context.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
            Environment environment = context.getBean(EnvironmentRepository.class).findById(environmentId)
                    .orElseThrow();
            ImageRef now = environment.resources().image();
            String digest = "sha256:" + "0".repeat(63) + "1";
            environment.recordResources(environment.resources().withImage(new ImageRef(now.repository() + "@"
                    + digest, now.repository(), OLDER_VERSION + "-0000001-" + now.architecture().ociName()
                    + "-000000000001", digest, OLDER_VERSION, "0000001" + "0".repeat(33), now.architecture(),
                    "older-build")));
        });
        enqueued(operations().requestProvision(environmentId, com.mcpportal.portal.environment.operation.Actor
                .user("admin")));
        return awaitState(environmentId, EnvironmentState.READY);
    }

    public static long enqueued(OperationRequest request) {
        if (request instanceof OperationRequest.Enqueued enqueued) {
            return enqueued.operationId();
        }
        throw new AssertionError("Expected the operation to be enqueued, got " + request);
    }

    /** Waits until the environment is in the state with no operation in flight; fails after 30 s. */
    public Environment awaitState(long environmentId, EnvironmentState state) {
        AtomicReference<Environment> reached = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(25)).untilAsserted(() -> {
            // Operation first: an operation and the environment it leaves commit together.
            Supplier<String> operations = () -> "environment " + environmentId + ", operations "
                    + operationStates(environmentId);
            assertThat(operations().inFlight(environmentId)).as(operations).isEmpty();
            Environment environment = service().get(environmentId);
            assertThat(environment.getState()).as(operations).isEqualTo(state);
            reached.set(environment);
        });
        return reached.get();
    }

    /** Waits until the operation has the state (QUEUED, RUNNING, SUCCEEDED, FAILED); fails after 30 s. */
    public void awaitOperation(long operationId, String state) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(25)).untilAsserted(() -> assertThat(
                jdbc().queryForMap("SELECT state, failed_step, error_message FROM operation WHERE id = ?", operationId))
                .as("operation %d", operationId).containsEntry("state", state));
    }

    public List<Map<String, Object>> operationStates(long environmentId) {
        return jdbc().queryForList("SELECT id, kind, state, failed_step, error_message FROM operation"
                + " WHERE environment_id = ? ORDER BY id", environmentId);
    }

    /** The simulated resources of an environment: component to id. */
    public Map<String, Object> simulatedResources(Environment environment) {
        return jdbc().query("SELECT component, resource_id FROM simulated_resource WHERE environment_id = ?",
                rs -> {
                    Map<String, Object> found = new java.util.TreeMap<>();
                    while (rs.next()) {
                        found.put(rs.getString(1), rs.getString(2));
                    }
                    return found;
                }, environment.getCloudId());
    }

    public EnvironmentService service() {
        return context.getBean(EnvironmentService.class);
    }

    public EnvironmentOperations operations() {
        return context.getBean(EnvironmentOperations.class);
    }

    public JdbcTemplate jdbc() {
        return context.getBean(JdbcTemplate.class);
    }

}
