package com.mcpportal.mcpserver.http;

import com.mcpportal.mcpserver.testsupport.KeySets;
import com.mcpportal.mcpserver.testsupport.LogCapture;
import com.mcpportal.mcpserver.testsupport.RawMcpClient;
import com.mcpportal.mcpserver.testsupport.RunningServer;
import com.mcpportal.mcpserver.testsupport.TestTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** API keys from every source, address rules and throttling, against the running HTTP server. */
class AuthenticationIntegrationTests {

    private static final String KEY = "plain-key-for-tests-0123456789";

    @Test
    void bearerAndXApiKeyAreAcceptedAndTheLogShowsOnlyThePublicId() {
        try (LogCapture log = LogCapture.start();
                RunningServer server = RunningServer.start(Map.of("MCP_SERVER_API_KEY", KEY), TestTools.all())) {
            server.client().bearer(KEY).initialize();
            RawMcpClient viaHeader = server.client().header("X-API-Key", KEY);
            viaHeader.initialize();
            assertThat(viaHeader.call("tools/list", null)).containsKey("result");

            assertThat(log.awaitLine(line -> line.contains("\"rpc_method\":\"tools/list\"")))
                    .contains("\"key_id\":\"env\"", "\"status\":200", "\"duration_ms\":");
            assertThat(log.text()).doesNotContain(KEY);
        }
    }

    @Test
    void missingOrWrongKeyGets401WithJsonAndWwwAuthenticate() {
        try (RunningServer server = RunningServer.start(Map.of("MCP_SERVER_API_KEY", KEY), TestTools.all())) {
            HttpResponse<String> missing = server.client().post(server.client().message("tools/list", null));
            assertThat(missing.statusCode()).isEqualTo(401);
            assertThat(missing.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"mcp-server\"");
            assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(RawMcpClient.json(missing.body())).extractingByKey("error").asString()
                    .contains("An API key is required");

            HttpResponse<String> wrong = server.client().bearer(KEY + "x").post("{}");
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    value -> assertThat(value).contains("error=\"invalid_token\""));
            assertThat(wrong.body()).contains("The API key is not valid").doesNotContain("Exception");

            HttpResponse<String> sse = RawMcpClient.send(HttpRequest.newBuilder(server.uri("/sse")).GET().build());
            assertThat(sse.statusCode()).isEqualTo(401);
        }
    }

    @Test
    void healthNeedsNoKeyAndRevealsNothing() {
        try (RunningServer server = RunningServer.start(Map.of("MCP_SERVER_API_KEY", KEY), TestTools.all())) {
            HttpResponse<String> health = RawMcpClient.send(HttpRequest.newBuilder(server.uri("/health")).build());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
        }
    }

    @Test
    void keyHashesAreAccepted() {
        String hash = KeySets.sha256(KEY);
        try (LogCapture log = LogCapture.start();
                RunningServer server = RunningServer.start(Map.of("MCP_SERVER_API_KEY_HASHES", "0".repeat(64) + "," + hash),
                        TestTools.all())) {
            server.client().bearer(KEY).initialize();
            log.awaitLine(line -> line.contains("\"key_id\":\"sha256:" + hash.substring(0, 12) + "\""));
        }
    }

    @Test
    void keyFileIsReloadedNewKeysWorkRevokedOnesStopAndBadFilesAreIgnored(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys.json");
        Files.writeString(file, KeySets.document(KeySets.entry("k-old", "old-key-0123456789"),
                KeySets.entry("k-keep", "kept-key-0123456789")));
        try (LogCapture log = LogCapture.start();
                RunningServer server = RunningServer.start(Map.of("MCP_SERVER_KEYS_FILE", file.toString(),
                        "MCP_SERVER_KEYS_REFRESH_SECONDS", "1", "MCP_SERVER_AUTH_MAX_FAILURES", "0"), TestTools.all())) {
            assertThat(status(server, "old-key-0123456789")).isEqualTo(200);
            assertThat(status(server, "new-key-0123456789")).isEqualTo(401);

            Files.writeString(file, KeySets.document(KeySets.entry("k-keep", "kept-key-0123456789"),
                    KeySets.entry("k-new", "new-key-0123456789")));
            awaitStatus(server, "new-key-0123456789", 200);
            assertThat(status(server, "old-key-0123456789")).isEqualTo(401);

            Files.writeString(file, "{\"version\":1,\"keys\":[{\"id\":\"broken\"");
            awaitLog(log, "key_set_reload_failed");
            assertThat(status(server, "new-key-0123456789")).isEqualTo(200);
            log.awaitLine(line -> line.contains("\"key_id\":\"k-new\""));
        }
    }

    @Test
    void expiredKeysAndKeysScopedToOtherEnvironmentsAreRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys.json");
        Instant past = Instant.now().minusSeconds(60);
        Instant future = Instant.now().plusSeconds(3600);
        Files.writeString(file, KeySets.document(
                KeySets.entry("expired", "expired-key-0123456789", past, null),
                KeySets.entry("valid", "valid-key-0123456789", future, List.of("env-1")),
                KeySets.entry("elsewhere", "other-env-key-0123456789", null, List.of("env-2"))));
        try (RunningServer server = RunningServer.start(Map.of("MCP_SERVER_KEYS_FILE", file.toString(),
                "MCP_SERVER_ENVIRONMENT_ID", "env-1"), TestTools.all())) {
            HttpResponse<String> expired = server.client().bearer("expired-key-0123456789").post("{}");
            assertThat(expired.statusCode()).isEqualTo(401);
            assertThat(expired.body()).contains("The API key has expired");
            assertThat(status(server, "valid-key-0123456789")).isEqualTo(200);
            HttpResponse<String> elsewhere = server.client().bearer("other-env-key-0123456789").post("{}");
            assertThat(elsewhere.statusCode()).isEqualTo(401);
            assertThat(elsewhere.body()).contains("not valid for this environment");
        }
    }

    @Test
    void cidrAllowlistRefusesOtherAddressesButNotHealth() {
        try (RunningServer server = RunningServer.start(Map.of("MCP_SERVER_API_KEY", KEY,
                "MCP_SERVER_ALLOWED_CIDRS", "10.0.0.0/8"), TestTools.all())) {
            HttpResponse<String> refused = server.client().bearer(KEY).post("{}");
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("not allowed");
            assertThat(RawMcpClient.send(HttpRequest.newBuilder(server.uri("/health")).build()).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void forwardedForCountsOnlyFromTrustedProxies() {
        Map<String, String> behindProxy = Map.of("MCP_SERVER_API_KEY", KEY,
                "MCP_SERVER_ALLOWED_CIDRS", "203.0.113.0/24", "MCP_SERVER_TRUSTED_PROXIES", "127.0.0.1");
        try (RunningServer server = RunningServer.start(behindProxy, TestTools.all())) {
            RawMcpClient allowed = server.client().bearer(KEY).header("X-Forwarded-For", "203.0.113.7");
            allowed.initialize();
            assertThat(server.client().bearer(KEY).header("X-Forwarded-For", "198.51.100.1").post("{}").statusCode())
                    .isEqualTo(403);
        }
        Map<String, String> noProxy = Map.of("MCP_SERVER_API_KEY", KEY, "MCP_SERVER_ALLOWED_CIDRS", "203.0.113.0/24");
        try (RunningServer server = RunningServer.start(noProxy, TestTools.all())) {
            assertThat(server.client().bearer(KEY).header("X-Forwarded-For", "203.0.113.7").post("{}").statusCode())
                    .isEqualTo(403);
        }
    }

    @Test
    void repeatedFailuresFromOneAddressAreThrottledWith429() {
        try (RunningServer server = RunningServer.start(Map.of("MCP_SERVER_API_KEY", KEY,
                "MCP_SERVER_AUTH_MAX_FAILURES", "3", "MCP_SERVER_AUTH_FAILURE_WINDOW_SECONDS", "120"), TestTools.all())) {
            for (int i = 0; i < 4; i++) {
                assertThat(server.client().bearer("guess-" + i + "-0123456789").post("{}").statusCode()).isEqualTo(401);
            }
            HttpResponse<String> throttled = server.client().bearer(KEY).post("{}");
            assertThat(throttled.statusCode()).isEqualTo(429);
            assertThat(throttled.headers().firstValue("Retry-After")).hasValueSatisfying(
                    seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 120));
            assertThat(RawMcpClient.json(throttled.body())).containsKey("error");
        }
    }

    @Test
    void foreignBrowserOriginsAreRefusedAsTheSpecAsks() {
        try (RunningServer server = RunningServer.start(Map.of("MCP_SERVER_API_KEY", KEY,
                "MCP_SERVER_ALLOWED_ORIGINS", "https://app.example.com"), TestTools.all())) {
            HttpResponse<String> evil = server.client().bearer(KEY).header("Origin", "https://evil.example")
                    .post(server.client().message("initialize", Map.of("protocolVersion", "2025-06-18",
                            "capabilities", Map.of(), "clientInfo", Map.of("name", "t", "version", "1"))));
            assertThat(evil.statusCode()).isEqualTo(403);
            assertThat(RawMcpClient.json(evil.body())).extractingByKey("error").asString()
                    .contains("Invalid Origin header");
            server.client().bearer(KEY).header("Origin", "https://app.example.com").initialize();
        }
    }

    @Test
    void disabledAuthNeedsNoKey() {
        try (RunningServer server = RunningServer.start(Map.of("MCP_SERVER_AUTH", "disabled"), TestTools.all())) {
            RawMcpClient client = server.client();
            client.initialize();
            assertThat(client.callTool("echo", Map.of("text", "hi")).toString()).contains("echo: hi");
        }
    }

    private static int status(RunningServer server, String key) {
        RawMcpClient client = server.client().bearer(key);
        return client.post(client.message("initialize", Map.of("protocolVersion", "2025-06-18",
                "capabilities", Map.of(), "clientInfo", Map.of("name", "t", "version", "1")))).statusCode();
    }

    private static void awaitStatus(RunningServer server, String key, int expected) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(status(server, key)).isEqualTo(expected));
    }

    private static void awaitLog(LogCapture log, String text) {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(log.text()).contains(text));
    }
}
