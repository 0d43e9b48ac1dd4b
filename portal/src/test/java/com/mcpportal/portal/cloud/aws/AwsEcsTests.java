package com.mcpportal.portal.cloud.aws;

import static com.mcpportal.portal.cloud.aws.AwsRegistryLogsAndSecretsTests.tags;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.json;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.jsonOk;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.CloudProvider;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.FargateSize;
import com.mcpportal.portal.cloud.Network;
import com.mcpportal.portal.cloud.SecretRef;
import com.mcpportal.portal.cloud.ServiceCounts;
import com.mcpportal.portal.cloud.ServiceDiscovery;
import com.mcpportal.portal.cloud.ServiceSpec;
import com.mcpportal.portal.cloud.TaskDefinitionRef;
import com.mcpportal.portal.cloud.TaskSpec;
import com.mcpportal.portal.cloud.aws.fake.AwsFake;
import com.mcpportal.portal.cloud.aws.fake.EmptyAccount;

import tools.jackson.databind.JsonNode;

class AwsEcsTests {

    private static final String TASK_ARN = "arn:aws:ecs:us-east-1:123456789012:task-definition/mcp-env1:3";

    @RegisterExtension
    final AwsFake fake = AwsFake.withEmptyAccount();

    private final EnvironmentRef env = EmptyAccount.ENVIRONMENT;

    private CloudProvider cloud() {
        return fake.provider();
    }
    private final Network network = EmptyAccount.network();
    private final ServiceDiscovery discovery = EmptyAccount.discovery();

    @Test
    void createsTheClusterWithBothFargateCapacityProvidersAndNoContainerInsights() {
        assertThat(cloud().ensureCluster(env)).isEqualTo("mcp-env1");

        JsonNode create = fake.onlyCall("ecs:CreateCluster").json();
        assertThat(create.get("clusterName").asString()).isEqualTo("mcp-env1");
        assertThat(create.get("capacityProviders").valueStream().map(JsonNode::asString))
                .containsExactly("FARGATE", "FARGATE_SPOT");
        assertThat(create.get("settings").get(0).get("value").asString()).isEqualTo("disabled");
        assertThat(tags(create.get("tags"), "key", "value")).containsEntry("mcp-portal:environment-id", "env1");
    }

    @Test
    void reusesAnActiveCluster() {
        fake.answer(json("ecs", "DescribeClusters"), jsonOk("""
                {"clusters":[{"clusterName":"mcp-env1","status":"ACTIVE","capacityProviders":["FARGATE","FARGATE_SPOT"]}],
                 "failures":[]}"""));

        cloud().ensureCluster(env);

        assertThat(fake.actions()).containsExactly("ecs:DescribeClusters");
    }

    @Test
    void registersAFargateTaskWithTheSizeArchitectureSecretsLogsAndHealthCheck() {
        TaskDefinitionRef task = cloud().registerTaskDefinition(env, spec("repo/mcp-server:1.0"));

        JsonNode register = fake.onlyCall("ecs:RegisterTaskDefinition").json();
        assertThat(register.get("family").asString()).isEqualTo("mcp-env1");
        assertThat(register.get("networkMode").asString()).isEqualTo("awsvpc");
        assertThat(register.get("requiresCompatibilities").get(0).asString()).isEqualTo("FARGATE");
        assertThat(register.get("cpu").asString()).isEqualTo("256");
        assertThat(register.get("memory").asString()).isEqualTo("512");
        assertThat(register.get("runtimePlatform").get("cpuArchitecture").asString()).isEqualTo("ARM64");
        assertThat(register.get("runtimePlatform").get("operatingSystemFamily").asString()).isEqualTo("LINUX");
        assertThat(register.get("executionRoleArn").asString()).isEqualTo("arn:aws:iam::123456789012:role/exec");
        assertThat(register.get("taskRoleArn").asString()).isEqualTo("arn:aws:iam::123456789012:role/task");
        JsonNode container = register.get("containerDefinitions").get(0);
        assertThat(container.get("image").asString()).isEqualTo("repo/mcp-server:1.0");
        assertThat(container.get("portMappings").get(0).get("containerPort").asInt()).isEqualTo(8080);
        assertThat(tags(container.get("secrets"), "name", "valueFrom")).containsExactly(
                Map.entry("ELEVENLABS_API_KEY", "arn:aws:ssm:us-east-1:123456789012:parameter/mcp-portal/mcp-env1/k"));
        assertThat(tags(container.get("environment"), "name", "value"))
                .containsEntry("PORT", "8080")
                .containsEntry("MCP_SERVER_KEYS_SSM_PARAMETER", "/mcp-portal/mcp-env1/key-set")
                .containsEntry("MCP_SERVER_ALLOWED_CIDRS", "203.0.113.0/24,198.51.100.0/24")
                .containsEntry("MCP_SERVER_TRUSTED_PROXIES", "10.0.0.0/16")
                .containsEntry("ELEVENLABS_MCP_OUTPUT_MODE", "resources")
                .containsEntry("MCP_SERVER_ENVIRONMENT_ID", "env1");
        JsonNode logs = container.get("logConfiguration");
        assertThat(logs.get("logDriver").asString()).isEqualTo("awslogs");
        assertThat(logs.get("options").get("awslogs-group").asString()).isEqualTo("/mcp-portal/mcp-env1");
        assertThat(logs.get("options").get("awslogs-region").asString()).isEqualTo("us-east-1");
        assertThat(container.get("healthCheck").get("command").valueStream().map(JsonNode::asString))
                .containsExactly("CMD-SHELL", "bash -c 'exec 3<>/dev/tcp/127.0.0.1/8080"
                        + " && printf \"GET /health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n\" >&3"
                        + " && head -n 1 <&3 | grep -q \" 200 \"' || exit 1");
        assertThat(tags(register.get("tags"), "key", "value")).containsEntry("mcp-portal:environment-id", "env1")
                .containsKey("mcp-portal:spec-hash");
        assertThat(task.revision()).isEqualTo(1);
    }

    @Test
    void anUnchangedSpecReusesTheLatestRevisionAndAChangedOneRegistersANewOne() {
        cloud().registerTaskDefinition(env, spec("repo/mcp-server:1.0"));
        String hash = tags(fake.onlyCall("ecs:RegisterTaskDefinition").json().get("tags"), "key", "value")
                .get("mcp-portal:spec-hash");
        fake.answer(json("ecs", "DescribeTaskDefinition"), jsonOk("""
                {"taskDefinition":{"taskDefinitionArn":"%s","family":"mcp-env1","revision":3,"status":"ACTIVE"},
                 "tags":[{"key":"mcp-portal:spec-hash","value":"%s"}]}""".formatted(TASK_ARN, hash)));
        fake.forgetCalls();

        TaskDefinitionRef same = cloud().registerTaskDefinition(env, spec("repo/mcp-server:1.0"));

        assertThat(same).isEqualTo(new TaskDefinitionRef(TASK_ARN, "mcp-env1", 3));
        assertThat(fake.actions()).containsExactly("ecs:DescribeTaskDefinition");

        cloud().registerTaskDefinition(env, spec("repo/mcp-server:1.1"));

        assertThat(fake.actions()).containsOnlyOnce("ecs:RegisterTaskDefinition");
    }

    @Test
    void createsTheServiceInThePrivateSubnetWithoutPublicIpRegisteredInCloudMap() {
        cloud().ensureService(env, new ServiceSpec("mcp-env1", new TaskDefinitionRef(TASK_ARN, "mcp-env1", 3), network,
                discovery, 1, true));

        JsonNode create = fake.onlyCall("ecs:CreateService").json();
        assertThat(create.get("serviceName").asString()).isEqualTo("mcp-env1");
        assertThat(create.get("cluster").asString()).isEqualTo("mcp-env1");
        assertThat(create.get("desiredCount").asInt()).isEqualTo(1);
        assertThat(create.get("taskDefinition").asString()).isEqualTo(TASK_ARN);
        assertThat(create.get("capacityProviderStrategy").get(0).get("capacityProvider").asString())
                .isEqualTo("FARGATE_SPOT");
        // ARM64 tasks run on Fargate Spot from platform version 1.4.0; LATEST is 1.4.0 or later, so say it.
        assertThat(create.get("platformVersion").asString()).isEqualTo("LATEST");
        assertThat(create.has("launchType")).isFalse();
        JsonNode vpc = create.get("networkConfiguration").get("awsvpcConfiguration");
        assertThat(vpc.get("assignPublicIp").asString()).isEqualTo("DISABLED");
        assertThat(vpc.get("subnets").valueStream().map(JsonNode::asString)).containsExactly(EmptyAccount.PRIVATE_SUBNET);
        assertThat(vpc.get("securityGroups").valueStream().map(JsonNode::asString))
                .containsExactly(EmptyAccount.SERVICE_GROUP);
        JsonNode registry = create.get("serviceRegistries").get(0);
        assertThat(registry.get("registryArn").asString()).isEqualTo(EmptyAccount.CLOUD_MAP_SERVICE_ARN);
        assertThat(registry.get("containerName").asString()).isEqualTo("mcp-server");
        assertThat(registry.get("containerPort").asInt()).isEqualTo(8080);
        assertThat(tags(create.get("tags"), "key", "value")).containsEntry("mcp-portal:environment-id", "env1");
        assertThat(create.get("propagateTags").asString()).isEqualTo("SERVICE");
    }

    @Test
    void inANetworkOfTwoZonesTheServiceRunsInBothPrivateSubnetsSoEcsSpreadsItsTasks() {
        // moto creates such a service but never places tasks, so the request is what shows it
        com.mcpportal.portal.cloud.Network twoZones = new com.mcpportal.portal.cloud.Network(network.vpcId(),
                network.vpcCidr(), network.availabilityZone(), network.publicSubnetId(), network.privateSubnetId(),
                network.internetGatewayId(), network.publicRouteTableId(), network.privateRouteTableId(),
                network.serviceSecurityGroupId(), network.containerPort(),
                List.of(network.privateSubnetId(), "subnet-0second"));

        cloud().ensureService(env, new ServiceSpec("mcp-env1", new TaskDefinitionRef(TASK_ARN, "mcp-env1", 3),
                twoZones, discovery, 1, false));

        JsonNode vpc = fake.onlyCall("ecs:CreateService").json().get("networkConfiguration").get("awsvpcConfiguration");
        assertThat(vpc.get("subnets").valueStream().map(JsonNode::asString))
                .containsExactly(EmptyAccount.PRIVATE_SUBNET, "subnet-0second");
    }

    @Test
    void anExistingServiceMovesToTheNewTaskDefinitionAndKeepsItsDesiredCount() {
        fake.answer(json("ecs", "DescribeServices"), jsonOk(service("ACTIVE", 0, 0, 0, TASK_ARN.replace(":3", ":2"))));
        fake.answer(json("ecs", "UpdateService"), jsonOk("{\"service\":" + serviceJson("ACTIVE", 0, 0, 0, TASK_ARN) + "}"));

        cloud().ensureService(env, new ServiceSpec("mcp-env1", new TaskDefinitionRef(TASK_ARN, "mcp-env1", 3), network,
                discovery, 1, false));

        JsonNode update = fake.onlyCall("ecs:UpdateService").json();
        assertThat(update.get("taskDefinition").asString()).isEqualTo(TASK_ARN);
        assertThat(update.has("desiredCount")).isFalse();
        assertThat(update.get("platformVersion").asString()).isEqualTo("LATEST");
        assertThat(fake.actions()).doesNotContain("ecs:CreateService");
    }

    @Test
    void aServicePinnedBelowPlatform14MovesToLatestForArmOnFargateSpot() {
        fake.answer(json("ecs", "DescribeServices"), jsonOk(service("ACTIVE", 1, 1, 0, TASK_ARN)
                .replace("\"taskDefinition\"", "\"platformVersion\":\"1.3.0\",\"taskDefinition\"")));
        fake.answer(json("ecs", "UpdateService"), jsonOk("{\"service\":" + serviceJson("ACTIVE", 1, 1, 0, TASK_ARN) + "}"));

        cloud().ensureService(env, new ServiceSpec("mcp-env1", new TaskDefinitionRef(TASK_ARN, "mcp-env1", 3), network,
                discovery, 1, false));

        JsonNode update = fake.onlyCall("ecs:UpdateService").json();
        assertThat(update.get("platformVersion").asString()).isEqualTo("LATEST");
        assertThat(update.get("forceNewDeployment").asBoolean()).isTrue();
    }

    @Test
    void aServiceOnLatestOr14IsLeftAlone() {
        for (String version : List.of("LATEST", "1.4.0")) {
            fake.answer(json("ecs", "DescribeServices"), jsonOk(service("ACTIVE", 1, 1, 0, TASK_ARN)
                    .replace("\"taskDefinition\"", "\"platformVersion\":\"" + version + "\",\"taskDefinition\"")));

            cloud().ensureService(env, new ServiceSpec("mcp-env1", new TaskDefinitionRef(TASK_ARN, "mcp-env1", 3),
                    network, discovery, 1, false));
        }

        assertThat(fake.actions()).containsExactly("ecs:DescribeServices", "ecs:DescribeServices");
    }

    @Test
    void anUpToDateServiceIsLeftAlone() {
        fake.answer(json("ecs", "DescribeServices"), jsonOk(service("ACTIVE", 1, 1, 0, TASK_ARN)));

        cloud().ensureService(env, new ServiceSpec("mcp-env1", new TaskDefinitionRef(TASK_ARN, "mcp-env1", 3), network,
                discovery, 1, false));

        assertThat(fake.actions()).containsExactly("ecs:DescribeServices");
    }

    @Test
    void scalingUpWaitsForARunningHealthyTask() {
        fake.answer(json("ecs", "DescribeServices"),
                jsonOk(service("ACTIVE", 0, 0, 0, TASK_ARN)),
                jsonOk(service("ACTIVE", 1, 0, 1, TASK_ARN)),
                jsonOk(service("ACTIVE", 1, 1, 0, TASK_ARN)));
        fake.answer(json("ecs", "UpdateService"), jsonOk("{\"service\":" + serviceJson("ACTIVE", 1, 0, 0, TASK_ARN) + "}"));
        fake.answer(json("ecs", "ListTasks"), jsonOk("{\"taskArns\":[\"arn:task/1\"]}"));
        fake.answer(json("ecs", "DescribeTasks"),
                jsonOk("{\"tasks\":[{\"taskArn\":\"arn:task/1\",\"lastStatus\":\"RUNNING\",\"healthStatus\":\"UNKNOWN\"}]}"),
                jsonOk("{\"tasks\":[{\"taskArn\":\"arn:task/1\",\"lastStatus\":\"RUNNING\",\"healthStatus\":\"HEALTHY\"}]}"));

        ServiceCounts counts = cloud().scaleService(env, 1);

        assertThat(fake.onlyCall("ecs:UpdateService").json().get("desiredCount").asInt()).isEqualTo(1);
        assertThat(fake.calls("ecs:DescribeTasks")).hasSize(2);
        assertThat(counts).isEqualTo(new ServiceCounts("ACTIVE", 1, 1, 0));
    }

    @Test
    void scalingToZeroWaitsUntilEveryTaskIsDrained() {
        fake.answer(json("ecs", "DescribeServices"),
                jsonOk(service("ACTIVE", 1, 1, 0, TASK_ARN)),
                jsonOk(service("ACTIVE", 0, 1, 0, TASK_ARN)),
                jsonOk(service("ACTIVE", 0, 0, 0, TASK_ARN)));
        fake.answer(json("ecs", "UpdateService"), jsonOk("{\"service\":" + serviceJson("ACTIVE", 0, 1, 0, TASK_ARN) + "}"));

        ServiceCounts counts = cloud().scaleService(env, 0);

        assertThat(fake.onlyCall("ecs:UpdateService").json().get("desiredCount").asInt()).isZero();
        // One to find the service, two polls until it is drained; the counts are the last poll's, not asked again.
        assertThat(fake.calls("ecs:DescribeServices")).hasSize(3);
        assertThat(counts.running()).isZero();
        assertThat(fake.actions()).doesNotContain("ecs:ListTasks");
    }

    private static TaskSpec spec(String image) {
        return new TaskSpec(FargateSize.DEFAULT, Architecture.ARM64, image, 8080,
                "arn:aws:iam::123456789012:role/exec", "arn:aws:iam::123456789012:role/task",
                Map.of("ELEVENLABS_API_KEY", new SecretRef("/mcp-portal/mcp-env1/k",
                        "arn:aws:ssm:us-east-1:123456789012:parameter/mcp-portal/mcp-env1/k")),
                "/mcp-portal/mcp-env1/key-set", List.of("203.0.113.0/24", "198.51.100.0/24"), List.of("10.0.0.0/16"),
                Map.of("ELEVENLABS_MCP_OUTPUT_MODE", "resources"), "/mcp-portal/mcp-env1");
    }

    private static String service(String status, int desired, int running, int pending, String taskDefinition) {
        return "{\"services\":[" + serviceJson(status, desired, running, pending, taskDefinition) + "],\"failures\":[]}";
    }

    private static String serviceJson(String status, int desired, int running, int pending, String taskDefinition) {
        return """
                {"serviceName":"mcp-env1","serviceArn":"arn:aws:ecs:us-east-1:123456789012:service/mcp-env1/mcp-env1",\
                "status":"%s","desiredCount":%d,"runningCount":%d,"pendingCount":%d,"taskDefinition":"%s",\
                "capacityProviderStrategy":[{"capacityProvider":"FARGATE","weight":1}],\
                "deployments":[{"status":"PRIMARY","rolloutState":"%s"}]}"""
                .formatted(status, desired, running, pending, taskDefinition,
                        running == desired && pending == 0 ? "COMPLETED" : "IN_PROGRESS");
    }
}
