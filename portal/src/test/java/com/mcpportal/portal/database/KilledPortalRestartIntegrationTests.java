package com.mcpportal.portal.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The portal killed with SIGKILL in the middle of provisioning, twice, and started again plainly each time (the
 * main class with default settings, port 0 for its embedded PostgreSQL and a quick Quartz cluster check-in, see
 * {@link #QUICK_CLUSTER_CHECK_IN}): it comes up by itself, and the operation finishes SUCCEEDED with every
 * simulated resource created once. The first kill hits the portal alone, as
 * {@code kill -9 <pid>} does, and its PostgreSQL stops with it; the second hits everything the portal started,
 * as {@code kill -9 -- -<process group>} does, so its PostgreSQL is left running and the restart must stop it.
 * With {@code -Dit.parallel=true} it runs beside the other integration test classes (its portal is a child JVM
 * with a database of its own).
 */
@Execution(ExecutionMode.CONCURRENT)
class KilledPortalRestartIntegrationTests {

    /** A start takes about 10 s on the 2-core machine alone; shared with five builds it has taken over 150 s. */
    private static final Duration READY_WITHIN = Duration.ofSeconds(300);
    private static final int SIGKILL_EXIT = 128 + 9;
    private static final String OPERATION_PATH = "/environments/%d/operations/%d";
    /**
     * The one setting changed from the defaults: Quartz's cluster check-in every second instead of every 15. A
     * restarted portal takes over the killed one's running job once it counts that instance as failed (its last
     * check-in plus the interval plus 7.5 s), which with the default came 15 to 20 s after the restart was ready;
     * the recovery itself is the same.
     */
    private static final String QUICK_CLUSTER_CHECK_IN =
            "{\"spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval\":\"1000\"}";

    @TempDir
    Path workingDirectory;

    private ChildJvm portal;
    private PortalProcess portalProcess;

    @AfterEach
    void cleanUp() {
        if (portal != null) {
            portal.close();
        }
        if (portalProcess != null) {
            DataDirectories.stopLeftoverServer(portalProcess.dataDirectory());
        }
    }

    @Test
    void aPortalKilledDuringProvisioningFinishesTheOperationAfterPlainRestarts() throws Exception {
        // given a fresh portal whose simulated cloud takes 2 s per resource, provisioning an environment
        portalProcess = new PortalProcess(workingDirectory, Map.of("PORTAL_SIMULATED_STEP_DELAY", "2s",
                "SPRING_APPLICATION_JSON", QUICK_CLUSTER_CHECK_IN));
        portal = portalProcess.start(READY_WITHIN);
        PortalProcess.Session api = portalProcess.signInWithNewTeam("Crash tests");
        long environment = api.post("/environments", "{\"name\":\"killed-twice\",\"elevenLabsApiKey\":"
                + "\"xi-test-key-12345\"}").get("id").asLong();
        long operation = api.post("/environments/" + environment + "/provision", "{}").get("id").asLong();
        String operationPath = OPERATION_PATH.formatted(environment, operation);

        // when the portal is killed in the middle of a step (one that waits 2 s before creating its resource)
        String firstInterrupted = "nat-instance";
        awaitRunning(api, operationPath, firstInterrupted);
        long firstServer = DataDirectories.postmasterPid(portalProcess.dataDirectory());
        assertThat(portal.killHard()).as("exit status of a SIGKILLed JVM").isEqualTo(SIGKILL_EXIT);

        // then its PostgreSQL stops with it, and a plain restart comes up and resumes the operation
        await("the killed portal's PostgreSQL stops").atMost(Duration.ofSeconds(30))
                .until(() -> ProcessHandle.of(firstServer).filter(ProcessHandle::isAlive).isEmpty());
        portal = portalProcess.start(READY_WITHIN);

        // when, further on, the portal is killed with everything it started
        String secondInterrupted = "task-definition";
        awaitRunning(api, operationPath, secondInterrupted);
        long orphan = DataDirectories.postmasterPid(portalProcess.dataDirectory());
        portal.killHardWithDescendants();
        assertThat(DataDirectories.serverRuns(orphan, portalProcess.dataDirectory()))
                .as("the killed portal's PostgreSQL is left running").isTrue();

        // then a plain restart stops that server, says so, and comes up by itself
        portal = portalProcess.start(READY_WITHIN);
        assertThat(portal.printed("Stopped the embedded PostgreSQL that a previous portal left running on "
                + portalProcess.dataDirectory() + " (pid " + orphan + ", port ")).as(portal.tail()).isTrue();
        assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).isEmpty();

        // and the operation finishes, each interrupted step run once more and every other step once
        JsonNode finished = await("provisioning finished").atMost(Duration.ofSeconds(150))
                .pollInterval(Duration.ofSeconds(1)).until(() -> api.get(operationPath),
                        op -> !op.get("state").asString().matches("QUEUED|RUNNING"));
        assertThat(finished.get("state").asString()).as(finished.toString()).isEqualTo("SUCCEEDED");
        Map<String, Integer> attempts = new HashMap<>();
        finished.get("steps").forEach(step -> attempts.put(step.get("name").asString(), step.get("attempts").asInt()));
        assertThat(attempts).as("attempts per step").allSatisfy((step, count) -> assertThat(count)
                .as(step).isEqualTo(step.equals(firstInterrupted) || step.equals(secondInterrupted) ? 2 : 1));

        // and the simulated cloud holds each resource once: the ones the steps report
        Map<String, String> resources = simulatedResources();
        assertThat(resources).containsOnlyKeys("network", "nat-instance", "ecr-repository", "log-group", "ecs-cluster",
                "task-definition", "service-discovery", "ecs-service", "http-api");
        assertThat(detail(finished, "network")).startsWith(resources.get("network") + " ");
        assertThat(detail(finished, "nat-instance")).startsWith(resources.get("nat-instance") + " ");
        assertThat(api.get("/environments/" + environment).get("state").asString()).isEqualTo("READY");
    }

    /** Waits until the step runs; polled often, so the kill that follows lands well inside its 2 s. */
    private static void awaitRunning(PortalProcess.Session api, String operationPath, String step) {
        await("step " + step + " running").atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(200))
                .until(() -> api.get(operationPath), op -> stepState(op, step).equals("RUNNING"));
    }

    private static String stepState(JsonNode operation, String step) {
        return steps(operation).stream().filter(s -> s.get("name").asString().equals(step)).findFirst()
                .orElseThrow().get("state").asString();
    }

    private static List<JsonNode> steps(JsonNode operation) {
        return StreamSupport.stream(operation.get("steps").spliterator(), false).toList();
    }

    private static String detail(JsonNode operation, String step) {
        return steps(operation).stream().filter(s -> s.get("name").asString().equals(step)).findFirst()
                .orElseThrow().get("detail").asString();
    }

    /** Component to resource id, read from the portal's own database (this fresh portal has one environment). */
    private Map<String, String> simulatedResources() throws Exception {
        int port = PostmasterPidFile.read(portalProcess.dataDirectory()).orElseThrow().port();
        Map<String, String> resources = new HashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/portal",
                "postgres", "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT component, resource_id FROM simulated_resource")) {
            while (rows.next()) {
                assertThat(resources.put(rows.getString(1), rows.getString(2))).as("a second " + rows.getString(1))
                        .isNull();
            }
        }
        return resources;
    }
}
