package com.mcpportal.portal.environment.operation;

import static com.mcpportal.portal.cloud.aws.fake.AwsFake.json;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.jsonOk;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.FargateSize;
import com.mcpportal.portal.cloud.ImageRef;
import com.mcpportal.portal.cloud.NatSpec;
import com.mcpportal.portal.cloud.TaskDefinitionRef;
import com.mcpportal.portal.cloud.aws.AwsCloudProvider;
import com.mcpportal.portal.cloud.aws.AwsSettings;
import com.mcpportal.portal.cloud.aws.fake.AwsFake;
import com.mcpportal.portal.cloud.aws.fake.EmptyAccount;
import com.mcpportal.portal.cloud.image.DockerRegistry;
import com.mcpportal.portal.cloud.image.EcrLoginRegistry;
import com.mcpportal.portal.cloud.image.ImageSettings;
import com.mcpportal.portal.cloud.image.JibImagePublisher;
import com.mcpportal.portal.cloud.image.ServerImages;
import com.mcpportal.portal.environment.CloudResources;
import com.mcpportal.portal.environment.EnvironmentPower;
import com.mcpportal.portal.environment.EnvironmentSpec;
import com.mcpportal.portal.environment.ImageSource;

import tools.jackson.databind.JsonNode;

/**
 * "Update server" on the AWS adapter, step by step: a running environment whose task runs an older server gets the
 * carried server published into its repository (a real registry, through the override, that demands ECR's token),
 * a task definition revision naming the new digest, and a rolling deployment of that revision with minimum healthy
 * 100 %, maximum 200 % and the circuit breaker with rollback, followed until ECS reports it complete. The image and
 * revision it replaced are kept for "Roll back".
 */
class AwsServerUpdateIntegrationTests {

    private static final String TOKEN = "ecr-token-for-updates";
    private static final String OLD_REVISION = "arn:aws:ecs:us-east-1:123456789012:task-definition/mcp-env1:7";
    private static final String NEW_REVISION = "arn:aws:ecs:us-east-1:123456789012:task-definition/mcp-env1:1";

    @RegisterExtension
    static final EcrLoginRegistry ecr = new EcrLoginRegistry(TOKEN, "25-update");

    static final DockerRegistry registry = ecr.registry();

    @RegisterExtension
    final AwsFake fake = AwsFake.withEmptyAccount();

    private static final EnvironmentSpec SPEC = new EnvironmentSpec(AwsFake.REGION, FargateSize.DEFAULT,
            Architecture.ARM64, ImageSource.PUBLISHED, null, null, NatSpec.defaults(), false, 7, List.of());

    @Test
    void aRunningEnvironmentRollsToTheNewDigestWithoutDowntime() {
        fake.answerEcrLogin(TOKEN);
        CloudResources older = runningAnOlderServer();
        fake.answer(json("ecs", "DescribeServices"),
                jsonOk(services(OLD_REVISION, null, deployment("ecs-svc/7", "PRIMARY", OLD_REVISION, "COMPLETED"))),
                jsonOk(services(NEW_REVISION, CONFIGURED, deployment("ecs-svc/8", "PRIMARY", NEW_REVISION,
                        "COMPLETED"))));
        fake.answer(json("ecs", "UpdateService"), jsonOk("{\"service\":" + service(NEW_REVISION, CONFIGURED,
                deployment("ecs-svc/8", "PRIMARY", NEW_REVISION, "IN_PROGRESS") + ","
                        + deployment("ecs-svc/7", "ACTIVE", OLD_REVISION, "COMPLETED")) + "}"));
        fake.forgetCalls();

        CloudResources updated = older;
        for (CloudStep step : OperationPlans.steps(OperationKind.UPDATE_SERVER)) {
            updated = step.run(context(updated)).resources();
        }

        DockerRegistry.Manifest manifest = registry.manifest("mcp-env1", updated.image().tag());
        String published = registry.host() + "/mcp-env1@" + manifest.digest();
        assertThat(updated.image().reference()).isEqualTo(published);
        assertThat(fake.onlyCall("ecs:RegisterTaskDefinition").json().at("/containerDefinitions/0/image").asString())
                .isEqualTo(published);
        JsonNode update = fake.onlyCall("ecs:UpdateService").json();
        assertThat(update.get("taskDefinition").asString()).isEqualTo(NEW_REVISION);
        assertThat(update.at("/deploymentConfiguration/minimumHealthyPercent").asInt()).isEqualTo(100);
        assertThat(update.at("/deploymentConfiguration/maximumPercent").asInt()).isEqualTo(200);
        assertThat(update.at("/deploymentConfiguration/deploymentCircuitBreaker/enable").asBoolean()).isTrue();
        assertThat(update.at("/deploymentConfiguration/deploymentCircuitBreaker/rollback").asBoolean()).isTrue();
        assertThat(fake.actions()).containsSubsequence("ecr:GetAuthorizationToken", "ecs:RegisterTaskDefinition",
                "ecs:DescribeServices", "ecs:UpdateService", "ecs:DescribeServices");
        assertThat(updated.taskDefinition().arn()).isEqualTo(NEW_REVISION);
        assertThat(updated.service().taskDefinitionArn()).isEqualTo(NEW_REVISION);
        assertThat(updated.previous().image()).isEqualTo(older.image());
        assertThat(updated.previous().taskDefinition().arn()).isEqualTo(OLD_REVISION);
    }

    /** What provisioning by an older portal left: its image recorded, on revision 7, which the service runs. */
    private CloudResources runningAnOlderServer() {
        CloudResources resources = CloudResources.NONE;
        for (CloudStep step : OperationPlans.steps(OperationKind.PROVISION)) {
            if (step.name().equals("server-image")) {
                continue;
            }
            resources = step.run(context(resources.withImage(olderImage(resources)))).resources();
            if (step.name().equals("task-definition")) {
                return resources.withTaskDefinition(new TaskDefinitionRef(OLD_REVISION, "mcp-env1", 7));
            }
        }
        throw new AssertionError("no task-definition step");
    }

    private static ImageRef olderImage(CloudResources resources) {
        if (resources.repository() == null) {
            return null;
        }
        String repository = registry.host() + "/mcp-env1";
        String digest = "sha256:" + "0".repeat(64);
        return new ImageRef(repository + "@" + digest, repository, "0.0.1-0000001-arm64-000000000000", digest, "0.0.1",
                "0000001" + "0".repeat(33), Architecture.ARM64, "older");
    }

    private StepContext context(CloudResources resources) {
        AwsSettings settings = fake.settings();
        ImageSettings images = ecr.imageSettings();
        return new StepContext(new AwsCloudProvider(fake.clientFactory(settings), settings,
                new JibImagePublisher(images), duration -> { }), EmptyAccount.ENVIRONMENT, SPEC, resources, null,
                EnvironmentPower.ON, () -> "xi-update-test", new ServerImages(images));
    }

    private static final String CONFIGURED = """
            {"minimumHealthyPercent":100,"maximumPercent":200,\
            "deploymentCircuitBreaker":{"enable":true,"rollback":true}}""";

    private static String services(String taskDefinition, String configuration, String deployments) {
        return "{\"services\":[" + service(taskDefinition, configuration, deployments) + "],\"failures\":[]}";
    }

    private static String service(String taskDefinition, String configuration, String deployments) {
        return """
                {"serviceName":"mcp-env1","serviceArn":"arn:aws:ecs:us-east-1:123456789012:service/mcp-env1/mcp-env1",\
                "status":"ACTIVE","desiredCount":1,"runningCount":1,"pendingCount":0,"taskDefinition":"%s",\
                %s"deployments":[%s]}""".formatted(taskDefinition,
                configuration == null ? "" : "\"deploymentConfiguration\":" + configuration + ",", deployments);
    }

    private static String deployment(String id, String status, String taskDefinition, String rolloutState) {
        return """
                {"id":"%s","status":"%s","taskDefinition":"%s","desiredCount":1,"runningCount":1,\
                "rolloutState":"%s"}""".formatted(id, status, taskDefinition, rolloutState);
    }
}
