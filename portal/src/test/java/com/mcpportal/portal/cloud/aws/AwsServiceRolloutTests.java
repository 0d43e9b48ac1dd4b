package com.mcpportal.portal.cloud.aws;

import static com.mcpportal.portal.cloud.aws.fake.AwsFake.json;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.jsonError;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.jsonOk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.CloudProvider;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.ImageRef;
import com.mcpportal.portal.cloud.ImageRepository;
import com.mcpportal.portal.cloud.Rollout;
import com.mcpportal.portal.cloud.ServiceSpec;
import com.mcpportal.portal.cloud.TaskDefinitionRef;
import com.mcpportal.portal.cloud.aws.fake.AwsFake;
import com.mcpportal.portal.cloud.aws.fake.EmptyAccount;

import tools.jackson.databind.JsonNode;

/**
 * The exact requests of a server update on ECS (what moto's ECS cannot check: it neither stores a service's deployment
 * configuration nor starts a deployment on UpdateService): the service is moved to the new revision with minimum
 * healthy 100 %, maximum 200 % and the circuit breaker with rollback, and the step waits for ECS's deployment of it to
 * complete, or fails with ECS's reason when the circuit breaker rolled it back. The digest check of a team's build.
 */
class AwsServiceRolloutTests {

    private static final String OLD = "arn:aws:ecs:us-east-1:123456789012:task-definition/mcp-env1:2";
    private static final String NEW = "arn:aws:ecs:us-east-1:123456789012:task-definition/mcp-env1:3";
    private static final TaskDefinitionRef REVISION_3 = new TaskDefinitionRef(NEW, "mcp-env1", 3);
    private static final String REPOSITORY_URI = "123456789012.dkr.ecr.us-east-1.amazonaws.com/mcp-env1";
    private static final String DIGEST = "sha256:" + "5e".repeat(32);

    @RegisterExtension
    final AwsFake fake = AwsFake.withEmptyAccount();

    private final EnvironmentRef env = EmptyAccount.ENVIRONMENT;

    private CloudProvider cloud() {
        return fake.provider();
    }

    @Test
    void aRunningServiceRollsToTheNewRevisionWithoutDowntimeAndTheStepWaitsForTheDeploymentToComplete() {
        fake.answer(json("ecs", "DescribeServices"),
                jsonOk(services(service(OLD, 1, null, deployment("ecs-svc/old", "PRIMARY", OLD, "COMPLETED", null)))),
                jsonOk(services(service(NEW, 1, CONFIGURED, deployment("ecs-svc/new", "PRIMARY", NEW, "IN_PROGRESS",
                        null), deployment("ecs-svc/old", "ACTIVE", OLD, "COMPLETED", null)))),
                jsonOk(services(service(NEW, 1, CONFIGURED, deployment("ecs-svc/new", "PRIMARY", NEW, "COMPLETED",
                        "ECS deployment ecs-svc/new completed.")))));
        fake.answer(json("ecs", "UpdateService"), jsonOk("{\"service\":" + service(NEW, 1, CONFIGURED,
                deployment("ecs-svc/new", "PRIMARY", NEW, "IN_PROGRESS", null),
                deployment("ecs-svc/old", "ACTIVE", OLD, "COMPLETED", null)) + "}"));

        Rollout rollout = cloud().rollOut(env, REVISION_3);

        JsonNode update = fake.onlyCall("ecs:UpdateService").json();
        assertThat(update.get("cluster").asString()).isEqualTo("mcp-env1");
        assertThat(update.get("service").asString()).isEqualTo("mcp-env1");
        assertThat(update.get("taskDefinition").asString()).isEqualTo(NEW);
        JsonNode deployment = update.get("deploymentConfiguration");
        assertThat(deployment.get("minimumHealthyPercent").asInt()).isEqualTo(100);
        assertThat(deployment.get("maximumPercent").asInt()).isEqualTo(200);
        assertThat(deployment.get("deploymentCircuitBreaker").get("enable").asBoolean()).isTrue();
        assertThat(deployment.get("deploymentCircuitBreaker").get("rollback").asBoolean()).isTrue();
        assertThat(update.has("desiredCount")).as("the update keeps the running count").isFalse();
        assertThat(update.has("forceNewDeployment")).isFalse();
        assertThat(fake.calls("ecs:DescribeServices")).as("found, then polled until COMPLETED").hasSize(3);
        assertThat(rollout.replacedTasks()).isTrue();
        assertThat(rollout.service().taskDefinitionArn()).isEqualTo(NEW);
        assertThat(rollout.counts().running()).isEqualTo(1);
    }

    @Test
    void aDeploymentTheCircuitBreakerRolledBackFailsTheStepWithEcssReason() {
        String reason = "ECS deployment circuit breaker: tasks failed to start.";
        fake.answer(json("ecs", "DescribeServices"),
                jsonOk(services(service(OLD, 1, CONFIGURED, deployment("ecs-svc/old", "PRIMARY", OLD, "COMPLETED",
                        null)))),
                jsonOk(services(service(OLD, 1, CONFIGURED, deployment("ecs-svc/rollback", "PRIMARY", OLD,
                        "IN_PROGRESS", null), deployment("ecs-svc/new", "ACTIVE", NEW, "FAILED", reason)))));
        fake.answer(json("ecs", "UpdateService"), jsonOk("{\"service\":" + service(NEW, 1, CONFIGURED,
                deployment("ecs-svc/new", "PRIMARY", NEW, "IN_PROGRESS", null)) + "}"));

        assertThatThrownBy(() -> cloud().rollOut(env, REVISION_3)).isInstanceOfSatisfying(CloudException.class, e -> {
            assertThat(e.step()).isEqualTo("roll-out");
            assertThat(e.kind()).isEqualTo(CloudErrorKind.FAILED);
            assertThat(e.retryable()).isFalse();
            assertThat(e.errorCode()).isEqualTo("DeploymentRolledBack");
            assertThat(e.providerMessage()).contains(reason, "mcp-env1:3", OLD);
        });
        assertThat(fake.calls("ecs:UpdateService")).as("no second attempt at a broken revision").hasSize(1);
    }

    @Test
    void aServiceThatIsOffOnlyGetsTheRevisionForItsNextStart() {
        fake.answer(json("ecs", "DescribeServices"), jsonOk(services(service(OLD, 0, CONFIGURED,
                deployment("ecs-svc/old", "PRIMARY", OLD, "COMPLETED", null)))));
        fake.answer(json("ecs", "UpdateService"), jsonOk("{\"service\":" + service(NEW, 0, CONFIGURED,
                deployment("ecs-svc/new", "PRIMARY", NEW, "IN_PROGRESS", null)) + "}"));

        Rollout rollout = cloud().rollOut(env, REVISION_3);

        JsonNode update = fake.onlyCall("ecs:UpdateService").json();
        assertThat(update.get("taskDefinition").asString()).isEqualTo(NEW);
        assertThat(update.has("desiredCount")).as("it stays off").isFalse();
        assertThat(fake.calls("ecs:DescribeServices")).as("nothing runs, so nothing to wait for").hasSize(1);
        assertThat(rollout.replacedTasks()).isFalse();
        assertThat(rollout.service().taskDefinitionArn()).isEqualTo(NEW);
    }

    @Test
    void runAgainAfterACrashItFollowsTheDeploymentItStartedInsteadOfStartingAnother() {
        fake.answer(json("ecs", "DescribeServices"),
                jsonOk(services(service(NEW, 1, CONFIGURED, deployment("ecs-svc/new", "PRIMARY", NEW, "IN_PROGRESS",
                        null), deployment("ecs-svc/old", "ACTIVE", OLD, "COMPLETED", null)))),
                jsonOk(services(service(NEW, 1, CONFIGURED, deployment("ecs-svc/new", "PRIMARY", NEW, "COMPLETED",
                        null)))));

        Rollout rollout = cloud().rollOut(env, REVISION_3);

        assertThat(fake.actions()).doesNotContain("ecs:UpdateService");
        assertThat(rollout.replacedTasks()).isTrue();
    }

    @Test
    void aNewServiceIsCreatedWithTheSameDeploymentSettings() {
        cloud().ensureService(env, new ServiceSpec("mcp-env1", REVISION_3, EmptyAccount.network(),
                EmptyAccount.discovery(), 1, false));

        JsonNode deployment = fake.onlyCall("ecs:CreateService").json().get("deploymentConfiguration");
        assertThat(deployment.get("minimumHealthyPercent").asInt()).isEqualTo(100);
        assertThat(deployment.get("maximumPercent").asInt()).isEqualTo(200);
        assertThat(deployment.get("deploymentCircuitBreaker").get("enable").asBoolean()).isTrue();
        assertThat(deployment.get("deploymentCircuitBreaker").get("rollback").asBoolean()).isTrue();
    }

    @Test
    void aTeamsBuildIsLookedUpByItsDigest() {
        fake.answer(json("ecr", "DescribeImages"), jsonOk("""
                {"imageDetails":[{"registryId":"123456789012","repositoryName":"mcp-env1","imageDigest":"%s",\
                "imageTags":["ci-41","1.4.0"]}]}""".formatted(DIGEST)));

        ImageRef found = cloud().findImageByDigest(env, new ImageRepository("mcp-env1", REPOSITORY_URI, null), DIGEST,
                Architecture.ARM64);

        JsonNode describe = fake.onlyCall("ecr:DescribeImages").json();
        assertThat(describe.get("repositoryName").asString()).isEqualTo("mcp-env1");
        assertThat(describe.get("imageIds").get(0).get("imageDigest").asString()).isEqualTo(DIGEST);
        assertThat(describe.get("imageIds").get(0).has("imageTag")).isFalse();
        assertThat(found.reference()).isEqualTo(REPOSITORY_URI + "@" + DIGEST);
        assertThat(found.digest()).isEqualTo(DIGEST);
        assertThat(found.tag()).isEqualTo("1.4.0");
        assertThat(found.publishedByPortal()).isFalse();
    }

    @Test
    void aDigestTheRepositoryDoesNotHaveIsRefusedWithEcrsWords() {
        fake.answer(json("ecr", "DescribeImages"), jsonError(400, "ImageNotFoundException", "The image with imageId"
                + " {imageDigest:'" + DIGEST + "', imageTag:'null'} does not exist within the repository with name"
                + " 'mcp-env1' in the registry with id '123456789012'"));

        assertThatThrownBy(() -> cloud().findImageByDigest(env, new ImageRepository("mcp-env1", REPOSITORY_URI, null),
                DIGEST, Architecture.ARM64)).isInstanceOfSatisfying(CloudException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.errorCode()).isEqualTo("ImageNotFoundException");
                    assertThat(e.providerMessage()).contains("has no image " + DIGEST, "does not exist within the"
                            + " repository with name 'mcp-env1'");
                });
    }

    private static final String CONFIGURED = """
            {"minimumHealthyPercent":100,"maximumPercent":200,\
            "deploymentCircuitBreaker":{"enable":true,"rollback":true}}""";

    private static String services(String service) {
        return "{\"services\":[" + service + "],\"failures\":[]}";
    }

    private static String service(String taskDefinition, int desired, String configuration, String... deployments) {
        return """
                {"serviceName":"mcp-env1","serviceArn":"arn:aws:ecs:us-east-1:123456789012:service/mcp-env1/mcp-env1",\
                "status":"ACTIVE","desiredCount":%d,"runningCount":%d,"pendingCount":0,"taskDefinition":"%s",\
                %s"deployments":[%s],"events":[]}""".formatted(desired, desired, taskDefinition,
                configuration == null ? "" : "\"deploymentConfiguration\":" + configuration + ",",
                String.join(",", deployments));
    }

    private static String deployment(String id, String status, String taskDefinition, String rolloutState,
            String reason) {
        return """
                {"id":"%s","status":"%s","taskDefinition":"%s","desiredCount":1,"runningCount":1,\
                "rolloutState":"%s"%s}""".formatted(id, status, taskDefinition, rolloutState,
                reason == null ? "" : ",\"rolloutStateReason\":\"" + reason + "\"");
    }
}
