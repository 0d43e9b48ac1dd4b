package com.mcpportal.portal.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.mcpportal.portal.accesstoken.AccessTokensForTests;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.account.CloudAccount;
import com.mcpportal.portal.cloud.account.CloudAccountMode;
import com.mcpportal.portal.cloud.account.CloudAccountSettings;
import com.mcpportal.portal.cloud.account.CloudAccounts;
import com.mcpportal.portal.cloud.aws.AwsClients;
import com.mcpportal.portal.cloud.aws.emulator.EnvironmentInventory;
import com.mcpportal.portal.cloud.aws.emulator.MotoEcrRegistry;
import com.mcpportal.portal.cloud.aws.emulator.MotoServer;
import com.mcpportal.portal.cloud.image.ServerImages;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.team.Team;
import com.mcpportal.portal.user.UserAccount;

/**
 * {@code deploy/smoke-test.sh} on an AWS-mode cloud account, as a user runs it there: no {@code --image}, so the
 * environment runs the MCP server the portal publishes. The portal's AWS adapter runs against moto
 * ({@code portal.aws.endpoint-override}), the image goes to Debian's docker-registry playing the registry moto does
 * not serve ({@link MotoEcrRegistry}, through {@code portal.images.registry-override}), and the cloud account has its
 * task roles entered (moto has no AWS managed policies). moto runs no containers, so the provisioning ends at the
 * wait for a healthy task (a 2 s wait here): the script reports that failure, with the server it published on the
 * way, and cleans up, leaving nothing alive in the account.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestData.class)
class SmokeTestScriptOnMotoIntegrationTests {

    private static final String REGION = "ap-northeast-1";

    @RegisterExtension
    static final MotoServer moto = MotoServer.shared();

    @RegisterExtension
    static final MotoEcrRegistry ecr = new MotoEcrRegistry();

    @DynamicPropertySource
    static void awsOnMoto(DynamicPropertyRegistry registry) {
        ecr.portalOn(moto, registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    TestData data;

    @Autowired
    CloudAccounts accounts;

    @Autowired
    ServerImages serverImages;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path work;

    @BeforeAll
    static void scriptTools() {
        List<String> missing = SmokeScript.missingTools();
        assumeTrue(missing.isEmpty(), "deploy/smoke-test.sh needs bash, curl and jq; missing here: " + missing);
    }

    @Test
    void onAnAwsAccountWithoutAnImageTheEnvironmentRunsTheServerThePortalPublishes() throws Exception {
        UserAccount owner = data.user("smoke-moto-owner");
        Team team = data.team("Smoke on moto", owner);
        AwsClients aws = moto.clients(REGION);
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":"
                + "\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
        String suffix = TestData.unique("r");
        String execution = aws.iam().createRole(r -> r.roleName("smoke-execution-" + suffix)
                .assumeRolePolicyDocument(trust)).role().arn();
        String task = aws.iam().createRole(r -> r.roleName("smoke-task-" + suffix).assumeRolePolicyDocument(trust))
                .role().arn();
        CloudAccount account = accounts.create(new CloudAccountSettings(TestData.unique("Smoke moto"),
                CloudAccountMode.AWS, REGION, null, null, execution, task));

        SmokeScript.Run run = SmokeScript.start(work, Map.of("MCP_PORTAL_TOKEN", new AccessTokensForTests(context)
                .issue(owner)), List.of(), List.of("--poll", "0.1", "--team", Long.toString(team.getId()),
                        "--account", Long.toString(account.getId()), "http://localhost:" + port)).await(300);

        String version = serverImages.carriedVersion().orElseThrow();
        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(run.stdout()).contains("  image: the MCP server the portal publishes (ARM64)");
        assertThat(run.stdout()).anyMatch(line -> line.matches("\\s+provision: server-image\\s+done .*MCP server "
                + version.replace(".", "\\.") + " published as .*"));
        assertThat(run.stdout()).anyMatch(line -> line.matches("\\[ 5/13] provision\\s+FAILED .*"));
        assertThat(run.stdout()).anyMatch(line -> line.startsWith("FAILED: provision failed at step service-healthy:")
                && line.contains("running 1 healthy task(s)"));
        assertThat(run.stdout()).contains("cleaned up: nothing this run created is left");
        long environmentId = jdbc.queryForObject("SELECT id FROM environment WHERE team_id = ?", Long.class,
                team.getId());
        assertThat(jdbc.queryForObject("SELECT state FROM environment WHERE id = ?", String.class, environmentId))
                .isEqualTo("DELETED");
        EnvironmentRef ref = new Environments(context).service().cloudOf(environmentId).ref();
        assertThat(EnvironmentInventory.of(aws, ref)).isEqualTo(EnvironmentInventory.nothing());
    }
}
