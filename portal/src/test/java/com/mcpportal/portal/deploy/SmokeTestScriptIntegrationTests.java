package com.mcpportal.portal.deploy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.mcpportal.portal.accesstoken.AccessTokensForTests;
import com.mcpportal.portal.cloud.image.ServerImages;
import com.mcpportal.portal.support.McpServerProcess;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.team.TeamService;
import com.mcpportal.portal.user.UserAccount;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code deploy/smoke-test.sh}, the smoke test users run on their own AWS account, run here as they would run it
 * (bash, curl, jq) against the whole portal on a random port and the simulated cloud, which is slowed down enough to
 * interrupt a provisioning. Afterwards the portal must hold nothing the run left alive, and the audit log its steps.
 * The scheduler is on, so the script's own schedule-off step is what keeps it out of the way. On an AWS account
 * (moto): {@link SmokeTestScriptOnMotoIntegrationTests}.
 * With {@code -Dit.parallel=true} it runs beside the other integration test classes (its portal context, with
 * its own database, is used by no other class).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "portal.simulated.step-delay=100ms", "portal.simulated.wait-delay=300ms", "portal.schedules.enforce=true"})
@Import(TestData.class)
@Execution(ExecutionMode.CONCURRENT)
class SmokeTestScriptIntegrationTests {

    /** {@code [ 5/11] provision   ok   3.2s  operation 7, …}: a step, how it ended, and its wall time. */
    private static final Pattern STEP = Pattern.compile("^\\[\\s*(\\d+)/(\\d+)] (.+?)\\s+(ok|skipped|FAILED|stopped)"
            + "\\s+(\\d+\\.\\ds|\\d+m\\d\\ds|\\d+h\\d\\dm)\\b.*");
    private static final Pattern COST = Pattern.compile("^cost: US\\$\\d+\\.\\d{6} in AWS .*");
    private static final Pattern MCP_KEY = Pattern.compile("mcp_[0-9A-Za-z]{12}_[0-9A-Za-z]{38}");
    private static final String ELEVENLABS_KEY = "xi-smoke-test-eleven-secret";

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TeamService teams;

    @Autowired
    ServerImages serverImages;

    @Autowired
    ApplicationContext context;

    @Value("${portal.keys.simulated-dir}")
    Path keyFiles;

    @TempDir
    Path work;

    Team team;
    String token;

    @BeforeAll
    static void scriptToolsPresent() {
        List<String> missing = SmokeScript.missingTools();
        assumeTrue(missing.isEmpty(), "deploy/smoke-test.sh needs bash, curl and jq; missing here: " + missing);
    }

    @BeforeEach
    void anOwnerWithATokenAndATeam() {
        UserAccount owner = data.user("smoke-owner");
        team = data.team("Smoke", owner);
        token = new AccessTokensForTests(context).issue(owner);
    }

    @Test
    void runsAnEnvironmentThroughItsLifeSkipsTheSimulatedEndpointAndLeavesNothingBehind() throws Exception {
        SmokeScript.Run run = start(List.of("-x")).await(180);

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(steps(run)).containsExactly("create the environment", "turn its schedule off (always on)",
                "issue an API key for it", "read its hourly rates (cost API)", "provision", "endpoint checks",
                "stop", "start", "deprovision", "delete the environment", "revoke the API key");
        assertThat(run.stdout()).filteredOn(line -> line.startsWith("[ 6/11] endpoint checks")).singleElement()
                .asString().contains("skipped", "simulated", "not a real server");
        assertThat(run.stdout()).anyMatch(line -> line.matches("\\s+provision: nat-instance\\s+done .*"));
        String version = serverImages.carriedVersion().orElseThrow().replace(".", "\\.");
        assertThat(run.stdout()).contains("  image: the MCP server the portal publishes (ARM64)");
        assertThat(run.stdout()).anyMatch(line -> line.matches("\\s+provision: server-image\\s+done .*MCP server "
                + version + " published as .*"));
        assertThat(run.stdout()).anyMatch(line -> line.matches("\\[ 5/11] provision\\s+ok .*, image MCP server "
                + version + " sha256:[0-9a-f]{64}"));
        assertThat(run.stdout()).anyMatch(line -> COST.matcher(line).matches());
        assertThat(run.stdout()).anyMatch(line -> line.matches("passed: 11 steps in (\\d+\\.\\ds|\\d+m\\d\\ds)"));
        assertLeftNothingAndAudited();
        assertThat(run.all()).as("traced with set -x, and still no secret")
                .doesNotContain(token, ELEVENLABS_KEY).doesNotContainPattern(MCP_KEY);
    }

    @Test
    void checksHealthAndToolsThroughARealMcpServerWithTheKeyItIssued() throws Exception {
        int mcpPort = freePort();
        try (SmokeScript script = start(List.of(), "--endpoint", "http://127.0.0.1:" + mcpPort + "/mcp",
                "--endpoint-wait", "60", "--image", "registry.example.com/team/mcp-server:smoke")) {
            String cloudId = await().atMost(Duration.ofSeconds(30)).until(this::cloudIdOfTheRun, id -> id != null);
            Path keys = keyFiles.resolve(cloudId + ".json");
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.isRegularFile(keys) && Files.size(keys) > 0);

            try (McpServerProcess server = McpServerProcess.start(keys, cloudId, work,
                    Map.of("PORT", Integer.toString(mcpPort)))) {
                SmokeScript.Run run = script.await(180);

                assertThat(run.exitCode()).as(run.all() + "\nserver: " + server.output()).isZero();
                assertThat(steps(run)).contains("GET /health after provisioning",
                        "MCP initialize + tools/list with the key", "GET /health after the start").hasSize(13);
                assertThat(run.stdout()).anyMatch(line -> line.matches(
                        "\\[ 7/13] MCP initialize \\+ tools/list with the key\\s+ok .*, 27 tools"));
                assertThat(run.stdout()).anyMatch(line -> line.matches("\\s+provision: task-definition\\s+done .*"
                        + "image registry\\.example\\.com/team/mcp-server:smoke.*"));
                assertThat(run.stdout()).contains("  image: registry.example.com/team/mcp-server:smoke (ARM64)");
                assertThat(run.stdout()).anyMatch(line -> line.matches("\\[ 5/13] provision\\s+ok .*"
                        + ", image registry\\.example\\.com/team/mcp-server:smoke"));
                assertThat(server.output()).anyMatch(line -> line.contains("\"rpc_method\":\"tools/list\"")
                        && line.contains("\"status\":200"));
            }
        }
        assertLeftNothingAndAudited();
    }

    @Test
    void aFailedStepCleansUpAndExitsNonZeroSayingWhy() throws Exception {
        int nobody = freePort();
        SmokeScript.Run run = start(List.of(), "--endpoint", "http://127.0.0.1:" + nobody + "/mcp",
                "--endpoint-wait", "1").await(180);

        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(run.stdout()).anyMatch(line -> line.startsWith("[ 6/13] GET /health after provisioning")
                && line.contains("FAILED"));
        assertThat(run.stdout()).anyMatch(line -> line.startsWith("FAILED: http://127.0.0.1:" + nobody
                + "/health did not answer"));
        assertThat(run.stdout()).contains("cleaned up: nothing this run created is left");
        assertThat(environmentState()).isEqualTo("DELETED");
        assertThat(liveKeys()).isZero();
    }

    @Test
    void whatItCannotCleanUpIsListedWithExitStatus3() throws Exception {
        SmokeScript.Run run;
        try (SmokeScript script = start(List.of())) {
            await().atMost(Duration.ofSeconds(30)).until(() -> "PROVISIONING".equals(environmentState()));
            teams.archive(team.getId()); // an owner archives the team mid-run: read-only, nothing can be deprovisioned
            run = script.await(180);
        }

        assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
        assertThat(run.stdout()).anyMatch(line -> line.matches("\\[ 7/11] stop\\s+FAILED .*"));
        assertThat(run.stdout()).contains("NOT CLEANED UP:");
        assertThat(run.stdout()).anyMatch(line -> line.startsWith("  - environment ") && line.contains("archived"));
        assertThat(run.stdout()).anyMatch(line -> line.matches("    curl -X POST .*/environments/\\d+/deprovision"));
        assertThat(run.stdout()).anyMatch(line -> line.matches("cost: .*and counting: resources are left\\)"));
        assertThat(environmentState()).isEqualTo("READY");
        assertThat(liveKeys()).as("a leaked key must always be stoppable, archived team or not").isZero();
    }

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"TERM", "INT"})
    void anInterruptDuringProvisioningCleansUp(String signal) throws Exception {
        SmokeScript.Run run;
        try (SmokeScript script = start(List.of())) {
            assumeFalse(signal.equals("INT") && script.ignoresSigint(),
                    "SIGINT is ignored by processes this JVM starts (run in a shell's background); SIGTERM is tested");
            await().atMost(Duration.ofSeconds(30)).until(() -> "PROVISIONING".equals(environmentState()));
            script.signal(signal);
            run = script.await(180);
        }

        assertThat(run.exitCode()).as(run.all()).isEqualTo(signal.equals("INT") ? 130 : 143);
        assertThat(run.stdout()).contains("interrupted (" + signal + ")",
                "cleaned up: nothing this run created is left");
        assertThat(run.stdout()).anyMatch(line -> line.matches("\\[ 5/11] provision\\s+stopped .*"));
        assertThat(environmentState()).isEqualTo("DELETED");
        assertThat(liveKeys()).isZero();
        assertThat(actions()).as("the key revoked at once, the provisioning left to end, then deprovisioned")
                .containsSubsequence("apikey.issued", "environment.provision.requested", "apikey.revoked",
                        "environment.provisioned", "environment.deprovision.requested", "environment.deprovisioned");
    }

    @Test
    void refusesWhatItCannotUseBeforeCreatingAnything() throws Exception {
        SmokeScript.Run noToken = SmokeScript.start(work, Map.of(), List.of(), List.of(url())).await(30);
        SmokeScript.Run mcpKey = SmokeScript.start(work, Map.of("MCP_PORTAL_TOKEN", "mcp_abcdefghijkl_x"), List.of(),
                List.of(url())).await(30);
        SmokeScript.Run unknownToken = SmokeScript.start(work, Map.of("MCP_PORTAL_TOKEN", "mcpp_abcdefghijkl_x"),
                List.of(), List.of(url())).await(30);

        assertThat(noToken.exitCode()).isEqualTo(2);
        assertThat(noToken.stderr()).contains("give a personal access token");
        assertThat(mcpKey.exitCode()).isEqualTo(2);
        assertThat(mcpKey.stderr()).contains("that is an MCP API key");
        assertThat(unknownToken.exitCode()).isEqualTo(1);
        assertThat(unknownToken.stdout()).anyMatch(line -> line.startsWith("FAILED: the portal refused the token:"
                + " HTTP 401"));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM environment WHERE team_id = ?", Long.class,
                team.getId())).isZero();
    }

    private SmokeScript start(List<String> bashOptions, String... options) throws IOException {
        List<String> arguments = new java.util.ArrayList<>(List.of("--poll", "0.1", "--team",
                Long.toString(team.getId())));
        arguments.addAll(List.of(options));
        arguments.add(url());
        return SmokeScript.start(work, Map.of("MCP_PORTAL_TOKEN", token, "ELEVENLABS_API_KEY", ELEVENLABS_KEY),
                bashOptions, arguments);
    }

    private String url() {
        return "http://localhost:" + port;
    }

    private void assertLeftNothingAndAudited() {
        assertThat(environmentState()).isEqualTo("DELETED");
        assertThat(liveKeys()).isZero();
        assertThat(actions()).containsSubsequence("environment.created", "schedule.updated", "apikey.issued",
                "environment.provision.requested", "environment.provisioned", "environment.stop.requested",
                "environment.stopped", "environment.start.requested", "environment.started",
                "environment.deprovision.requested", "environment.deprovisioned", "apikey.revoked");
    }

    /** The steps the run printed, checked to be numbered in order, each with a wall time. */
    private static List<String> steps(SmokeScript.Run run) {
        List<Matcher> steps = run.stdout().stream().map(STEP::matcher).filter(Matcher::matches).toList();
        for (int i = 0; i < steps.size(); i++) {
            assertThat(Integer.parseInt(steps.get(i).group(1))).as("step number").isEqualTo(i + 1);
            assertThat(Integer.parseInt(steps.get(i).group(2))).as("steps announced").isEqualTo(steps.size());
        }
        return steps.stream().map(step -> step.group(3)).toList();
    }

    private String cloudIdOfTheRun() {
        return jdbc.query("SELECT cloud_id FROM environment WHERE team_id = ?", rs -> rs.next() ? rs.getString(1)
                : null, team.getId());
    }

    /** The state of the one environment the run created in the fresh team (null before it exists). */
    private String environmentState() {
        List<String> states = jdbc.queryForList("SELECT state FROM environment WHERE team_id = ?", String.class,
                team.getId());
        assertThat(states).as("environments of the run").hasSizeLessThanOrEqualTo(1);
        return states.isEmpty() ? null : states.get(0);
    }

    private long liveKeys() {
        return jdbc.queryForObject("SELECT count(*) FROM api_key WHERE team_id = ? AND revoked_at IS NULL", Long.class,
                team.getId());
    }

    private List<String> actions() {
        return jdbc.queryForList("SELECT action FROM audit_event WHERE team_id = ? ORDER BY id", String.class,
                team.getId());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
