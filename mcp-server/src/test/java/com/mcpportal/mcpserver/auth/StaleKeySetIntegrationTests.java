package com.mcpportal.mcpserver.auth;

import com.mcpportal.mcpserver.testsupport.KeySets;
import com.mcpportal.mcpserver.testsupport.LogCapture;
import com.mcpportal.mcpserver.testsupport.RawHttp;
import com.mcpportal.mcpserver.testsupport.RawMcpClient;
import com.mcpportal.mcpserver.testsupport.RunningServer;
import com.mcpportal.mcpserver.testsupport.TestTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A key set that cannot be reloaded is trusted only for a bounded time: after that the keys it
 * holds are refused (a revoked key must not live on because SSM or the file is unreadable), the
 * server says so in its log, its metrics and {@code /health}, and it recovers by itself.
 */
class StaleKeySetIntegrationTests {

    private static final String PORTAL_KEY = "portal-issued-key-0123456789";
    private static final String FIXED_KEY = "fixed-operator-key-0123456789";

    @Test
    void aKeySetThatCannotBeReloadedFailsClosedAfterTheMaximumAgeAndRecovers(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys.json");
        String document = KeySets.document(KeySets.entry("k-portal", PORTAL_KEY));
        Files.writeString(file, document);
        try (LogCapture log = LogCapture.start();
                RunningServer server = RunningServer.start(Map.of("MCP_SERVER_KEYS_FILE", file.toString(),
                        "MCP_SERVER_API_KEY", FIXED_KEY, "MCP_SERVER_KEYS_REFRESH_SECONDS", "1",
                        "MCP_SERVER_KEYS_MAX_STALE_SECONDS", "3", "MCP_SERVER_ENVIRONMENT_ID", "env-stale"),
                        TestTools.all())) {
            // A start slower than the maximum age (a loaded machine) is caught up by the first reload.
            await().atMost(Duration.ofSeconds(15)).until(() -> initialize(server, PORTAL_KEY).statusCode() == 200);

            // Given the key set can no longer be read (a lost SSM permission, an unmounted secret)
            Files.delete(file);

            // Then, once it is older than the maximum, its keys are refused as "cannot check now"
            await().atMost(Duration.ofSeconds(15)).until(() -> initialize(server, PORTAL_KEY).statusCode() == 503);
            HttpResponse<String> refused = initialize(server, PORTAL_KEY);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(refused.body()).contains("cannot check API keys").doesNotContain("k-portal");
            assertThat(initialize(server, "never-issued-key-0123456789").statusCode())
                    .as("no way to tell a key of the stale set from any other").isEqualTo(503);
            assertThat(initialize(server, FIXED_KEY).statusCode()).as("keys from the environment do not go stale")
                    .isEqualTo(200);
            RawHttp.Response health = RawHttp.exchange(server.port(), RawHttp.request("GET", "/health", Map.of(), null));
            assertThat(health.status()).as("the task is not replaced for a dependency it cannot fix").isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"status\":\"degraded\",\"key_set\":\"stale\"}");
            Map<String, Object> stale = RawMcpClient.json(log.awaitLine(line -> line.contains("\"event\":\"key_set_stale\"")));
            assertThat(stale).containsEntry("level", "ERROR").containsEntry("KeySetStale", 1)
                    .containsEntry("EnvironmentId", "env-stale").containsKeys("_aws", "reason", "last_loaded");
            assertThat(stale.toString()).contains("McpPortal/McpServer", "KeySetStale");
            Map<String, Object> counted = RawMcpClient.json(log.awaitLine(line -> line.contains("\"status\":503")));
            assertThat(counted).containsEntry("Errors", 1);

            // When the source is readable again, the server recovers by itself
            Files.writeString(file, document);
            await().atMost(Duration.ofSeconds(15)).until(() -> initialize(server, PORTAL_KEY).statusCode() == 200);
            assertThat(RawHttp.exchange(server.port(), RawHttp.request("GET", "/health", Map.of(), null)).body())
                    .isEqualTo("{\"status\":\"ok\"}");
            log.awaitLine(line -> line.contains("\"event\":\"key_set_recovered\""));
        }
    }

    private static HttpResponse<String> initialize(RunningServer server, String key) {
        RawMcpClient client = server.client().bearer(key);
        return client.post(client.message("initialize", Map.of("protocolVersion", "2025-06-18",
                "capabilities", Map.of(), "clientInfo", Map.of("name", "t", "version", "1"))));
    }
}
