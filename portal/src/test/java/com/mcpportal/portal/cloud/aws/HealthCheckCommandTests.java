package com.mcpportal.portal.cloud.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * ECS ignores an image's HEALTHCHECK and runs the task definition's, and the image the portal publishes has none
 * (jib-core cannot set one): so the task definition's command must be the check deploy/mcp-server.Dockerfile runs.
 */
class HealthCheckCommandTests {

    static final Path DOCKERFILE = Path.of("..", "deploy", "mcp-server.Dockerfile");

    @Test
    void theTaskDefinitionChecksHealthWithTheDockerfilesCommand() throws IOException {
        Matcher healthcheck = Pattern.compile("HEALTHCHECK [^\\n]*\\\\\\n\\s+CMD (\\[.*])").matcher(
                Files.readString(DOCKERFILE));
        assertThat(healthcheck.find()).as("the Dockerfile's HEALTHCHECK").isTrue();
        JsonNode command = JsonMapper.builder().build().readTree(healthcheck.group(1));
        assertThat(command.get(0).asString() + " " + command.get(1).asString()).isEqualTo("bash -c");
        String dockerfileScript = command.get(2).asString().replace("${PORT:-8080}", "8080");

        String taskDefinition = ClusterResources.healthCheckCommand(8080);
        assertThat(taskDefinition).startsWith("bash -c '").endsWith("' || exit 1");
        String taskScript = taskDefinition.substring("bash -c '".length(), taskDefinition.length() - "' || exit 1"
                .length()).replace('"', '\'');

        assertThat(taskScript).isEqualTo(dockerfileScript);
    }
}
