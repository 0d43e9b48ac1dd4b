package com.mcpportal.portal.cloud.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.CloudTarget;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.FargateSize;
import com.mcpportal.portal.cloud.SecretRef;
import com.mcpportal.portal.cloud.TaskSpec;

import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code deploy/mcp-server-task-definition.example.json} shows what the adapter really registers. */
class TaskDefinitionExampleTests {

    static final Path EXAMPLE = Path.of("..", "deploy", "mcp-server-task-definition.example.json");

    @Test
    void theExampleIsTheTaskDefinitionTheAdapterRegistersForTheSameEnvironment() throws IOException {
        JsonNode example = JsonMapper.builder().build().readTree(Files.readString(EXAMPLE));
        JsonNode container = example.get("containerDefinitions").get(0);
        EnvironmentRef env = new EnvironmentRef(new CloudTarget("a", "eu-central-1", null, null), "env1", "Team A",
                "prod");
        RegisterTaskDefinitionRequest registered = ClusterResources.request(env, new TaskSpec(FargateSize.DEFAULT,
                Architecture.ARM64, container.get("image").asString(), 8080, example.get("executionRoleArn").asString(),
                example.get("taskRoleArn").asString(), Map.of("ELEVENLABS_API_KEY", new SecretRef(
                        "/mcp-portal/mcp-env1/elevenlabs-api-key", container.get("secrets").get(0).get("valueFrom")
                        .asString())), "/mcp-portal/mcp-env1/key-set", List.of("203.0.113.0/24"),
                List.of("10.0.0.0/16"), Map.of("ELEVENLABS_MCP_OUTPUT_MODE", "resources",
                        "MCP_SERVER_ENVIRONMENT_ID", "env1"), "/mcp-portal/mcp-env1"));
        ContainerDefinition server = registered.containerDefinitions().get(0);

        assertThat(example.get("family").asString()).isEqualTo(registered.family());
        assertThat(example.get("networkMode").asString()).isEqualTo(registered.networkModeAsString());
        assertThat(example.get("cpu").asString()).isEqualTo(registered.cpu()).isEqualTo("256");
        assertThat(example.get("memory").asString()).isEqualTo(registered.memory()).isEqualTo("512");
        assertThat(example.get("runtimePlatform").get("cpuArchitecture").asString())
                .isEqualTo(registered.runtimePlatform().cpuArchitectureAsString());
        assertThat(container.get("name").asString()).isEqualTo(server.name());
        assertThat(container.get("portMappings").get(0).get("containerPort").asInt())
                .isEqualTo(server.portMappings().get(0).containerPort());
        Map<String, String> environment = new TreeMap<>();
        container.get("environment").forEach(v -> environment.put(v.get("name").asString(), v.get("value").asString()));
        Map<String, String> registeredEnvironment = new TreeMap<>();
        server.environment().forEach(v -> registeredEnvironment.put(v.name(), v.value()));
        assertThat(environment).isEqualTo(registeredEnvironment);
        assertThat(container.get("secrets").get(0).get("name").asString()).isEqualTo(server.secrets().get(0).name());
        Map<String, String> logOptions = new TreeMap<>();
        container.get("logConfiguration").get("options").properties()
                .forEach(option -> logOptions.put(option.getKey(), option.getValue().asString()));
        assertThat(logOptions).isEqualTo(new TreeMap<>(server.logConfiguration().options()));
        assertThat(container.get("healthCheck").get("command").get(1).asString())
                .isEqualTo(server.healthCheck().command().get(1));
        assertThat(container.get("healthCheck").get("startPeriod").asInt()).isEqualTo(server.healthCheck().startPeriod());
    }
}
