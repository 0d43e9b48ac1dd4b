package com.mcpportal.portal.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.mcpportal.portal.accesstoken.AccessTokensForTests;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.team.TeamRole;
import com.mcpportal.portal.user.UserAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * {@code deploy/ci/deploy.sh}, the GitHub Actions example's last step, run as the workflow runs it (bash, curl, jq,
 * an operator's token in {@code MCP_PORTAL_TOKEN}) against the whole portal and the simulated cloud: a build in the
 * environment's repository is rolled out and the script follows the operation to its end; a refused image ends it
 * with the portal's reason and status 1.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestData.class)
class CiDeployScriptIntegrationTests {

    static final Path SCRIPT = Path.of("..", "deploy", "ci", "deploy.sh");

    @LocalServerPort
    int port;

    @Autowired
    TestData data;

    @Autowired
    ApplicationContext context;

    @TempDir
    Path work;

    Environment environment;
    Map<String, String> variables;

    @BeforeEach
    void setUp() {
        assumeTrue(SmokeScript.missingTools().isEmpty(), "deploy.sh needs " + SmokeScript.missingTools()
                + ": CI deploy script tests skipped");
        UserAccount ci = data.user("ci-bot");
        Team team = data.team("CI deploys", data.user("ci-owner"));
        data.addMember(team, ci, TeamRole.OPERATOR);
        environment = new Environments(context).ready(team.getId(), "ci");
        variables = Map.of("MCP_PORTAL_URL", "http://localhost:" + port, "MCP_PORTAL_TEAM_ID",
                team.getId().toString(), "MCP_PORTAL_ENVIRONMENT_ID", environment.getId().toString(),
                "MCP_PORTAL_TOKEN", new AccessTokensForTests(context).issue(ci), "MCP_DEPLOY_POLL", "1",
                "MCP_DEPLOY_TIMEOUT", "120");
    }

    @Test
    void aBuildInTheEnvironmentsRepositoryIsRolledOutAndFollowedToItsEnd() throws Exception {
        String image = environment.resources().repository().uri() + "@sha256:" + "7a".repeat(32);

        Run run = deploy(image);

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("deploying " + image + ": operation ")
                .contains("Server image: the carried MCP server published, or your image checked: your image "
                        + image + " is there")
                .contains("rolled out: 1 of 1 tasks running").containsPattern("deployed: operation \\d+ succeeded");
        assertThat(new Environments(context).service().get(environment.getId()).resources().image().reference())
                .isEqualTo(image);
    }

    @Test
    void aRefusedImageEndsTheRunWithThePortalsReason() throws Exception {
        Run run = deploy("ghcr.io/acme/mcp-server@sha256:" + "7b".repeat(32));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).contains("the portal refused to deploy ghcr.io/acme/mcp-server@sha256:",
                "(HTTP 422)", "is not this environment's repository");
    }

    @Test
    void withoutItsSettingsItSaysHowToCallIt() throws Exception {
        Process process = new ProcessBuilder("bash", SCRIPT.toAbsolutePath().normalize().toString())
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(new String(process.getInputStream().readAllBytes())).startsWith("usage: MCP_PORTAL_URL=");
    }

    private Run deploy(String image) throws Exception {
        Path output = work.resolve("deploy.log");
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", SCRIPT.toAbsolutePath().normalize().toString(),
                image)).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(variables);
        Process process = builder.start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("deploy.sh ended").isTrue();
        return new Run(process.exitValue(), Files.readString(output));
    }

    private record Run(int exitCode, String output) {
    }
}
