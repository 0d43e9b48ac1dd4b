package com.mcpportal.mcpserver;

import com.mcpportal.mcpserver.testsupport.FakeSsm;
import com.mcpportal.mcpserver.testsupport.KeySets;
import com.mcpportal.mcpserver.testsupport.RawMcpClient;
import com.mcpportal.mcpserver.testsupport.ServerProcess;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The real entry point in a child JVM: configuration errors, SSM keys, SIGTERM and stdio. */
class McpServerProcessIntegrationTests {

    private static final Duration START = Duration.ofSeconds(30);

    @Test
    void startWithoutAnyKeyIsRefusedWithOneLineNamingTheVariable() {
        try (ServerProcess server = ServerProcess.start(Map.of("ELEVENLABS_API_KEY", "el-test", "PORT", "0"))) {
            assertThat(server.awaitExit(START)).isEqualTo(2);
            assertThat(server.stderr()).singleElement().asString()
                    .startsWith("mcp-server: configuration error: MCP_SERVER_API_KEY is not set")
                    .contains("MCP_SERVER_AUTH=disabled");
            assertThat(server.stdout()).noneMatch(line -> line.contains("\"started\""));
        }
    }

    @Test
    void badValuesAreRefusedWithOneLineNamingTheVariable() {
        Map<String, String> good = Map.of("ELEVENLABS_API_KEY", "el-test", "PORT", "0",
                "MCP_SERVER_API_KEY", "process-test-key-0123456789");
        assertRefused(without(good, "ELEVENLABS_API_KEY"), "ELEVENLABS_API_KEY");
        assertRefused(with(good, "PORT", "eighty"), "PORT");
        assertRefused(with(good, "MCP_SERVER_ALLOWED_CIDRS", "10.0.0.0/8, not-a-cidr"), "MCP_SERVER_ALLOWED_CIDRS");
        assertRefused(with(good, "MCP_SERVER_STATELESS", "perhaps"), "MCP_SERVER_STATELESS");
        assertRefused(with(good, "MCP_SERVER_LOG_LEVEL", "loud"), "MCP_SERVER_LOG_LEVEL");
        assertRefused(with(good, "MCP_SERVER_BIND_ADDRESS", "no-such-host.invalid"), "MCP_SERVER_BIND_ADDRESS");
    }

    @Test
    void disabledAuthStartsWithAWarning() {
        try (ServerProcess server = ServerProcess.start(Map.of("ELEVENLABS_API_KEY", "el-test", "PORT", "0",
                "MCP_SERVER_BIND_ADDRESS", "127.0.0.1", "MCP_SERVER_AUTH", "disabled"))) {
            server.awaitPort(START);
            assertThat(server.stdout()).anyMatch(line -> line.contains("\"level\":\"WARN\"")
                    && line.contains("\"event\":\"auth_disabled\""));
        }
    }

    @Test
    void keysFromSsmAreLoadedThroughTheSdkEndpointVariableAndReloaded() throws Exception {
        try (FakeSsm ssm = new FakeSsm()) {
            ssm.putParameter("/mcp/env-1/keys", KeySets.document(KeySets.entry("k-first", "ssm-first-key-0123456789")));
            Map<String, String> env = new HashMap<>(Map.of("ELEVENLABS_API_KEY", "el-test", "PORT", "0",
                    "MCP_SERVER_BIND_ADDRESS", "127.0.0.1", "MCP_SERVER_KEYS_SSM_PARAMETER", "/mcp/env-1/keys",
                    "MCP_SERVER_KEYS_REFRESH_SECONDS", "1", "MCP_SERVER_AUTH_MAX_FAILURES", "0",
                    "AWS_ENDPOINT_URL_SSM", ssm.endpoint(), "AWS_REGION", "eu-west-1"));
            env.put("AWS_ACCESS_KEY_ID", "AKIAFAKEFAKEFAKE");
            env.put("AWS_SECRET_ACCESS_KEY", "fake-secret");
            try (ServerProcess server = ServerProcess.start(env)) {
                int port = server.awaitPort(START);
                assertThat(initializeStatus(port, "ssm-first-key-0123456789")).isEqualTo(200);

                ssm.putParameter("/mcp/env-1/keys", KeySets.document(KeySets.entry("k-second", "ssm-second-key-0123456789")));
                await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                        .untilAsserted(() -> assertThat(initializeStatus(port, "ssm-second-key-0123456789")).isEqualTo(200));
                assertThat(initializeStatus(port, "ssm-first-key-0123456789")).isEqualTo(401);
                server.awaitStdout(line -> line.contains("\"key_id\":\"k-second\""));
                assertThat(String.join("\n", server.stdout())).doesNotContain("ssm-second-key", "fake-secret");
            }
        }
    }

    @Test
    void missingSsmParameterStopsTheStartWithOneLine() {
        try (FakeSsm ssm = new FakeSsm()) {
            ssm.putParameter("/other", KeySets.document());
            try (ServerProcess server = ServerProcess.start(Map.of("ELEVENLABS_API_KEY", "el-test", "PORT", "0",
                    "MCP_SERVER_KEYS_SSM_PARAMETER", "/mcp/missing", "AWS_ENDPOINT_URL_SSM", ssm.endpoint(),
                    "AWS_REGION", "eu-west-1", "AWS_ACCESS_KEY_ID", "AKIAFAKE", "AWS_SECRET_ACCESS_KEY", "fake"))) {
                assertThat(server.awaitExit(START)).isEqualTo(2);
                assertThat(server.stderr()).singleElement().asString()
                        .startsWith("mcp-server: configuration error: MCP_SERVER_KEYS_SSM_PARAMETER (/mcp/missing)")
                        .contains("ParameterNotFound");
            }
        }
    }

    @Test
    void awsSdkIsNotLoadedWithoutAnSsmKeySource(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path classes = dir.resolve("classes.log");
        try (ServerProcess server = ServerProcess.start(Map.of("ELEVENLABS_API_KEY", "el-test", "PORT", "0",
                "MCP_SERVER_BIND_ADDRESS", "127.0.0.1", "MCP_SERVER_API_KEY", "process-test-key-0123456789",
                "JAVA_TOOL_OPTIONS", "-Xlog:class+load:file=" + classes))) {
            int port = server.awaitPort(START);
            assertThat(initializeStatus(port, "process-test-key-0123456789")).isEqualTo(200);
        }
        assertThat(java.nio.file.Files.readString(classes)).contains("org.apache.catalina")
                .doesNotContain("software.amazon");
    }

    @Test
    void sigtermShutsDownGracefullyAndLogsIt() {
        try (ServerProcess server = ServerProcess.start(Map.of("ELEVENLABS_API_KEY", "el-test", "PORT", "0",
                "MCP_SERVER_BIND_ADDRESS", "127.0.0.1", "MCP_SERVER_API_KEY", "process-test-key-0123456789"))) {
            int port = server.awaitPort(START);
            assertThat(initializeStatus(port, "process-test-key-0123456789")).isEqualTo(200);

            server.terminate();

            assertThat(server.awaitExit(Duration.ofSeconds(15))).isEqualTo(143);
            assertThat(server.stdout()).as("stderr: %s", server.stderr())
                    .anyMatch(line -> line.contains("\"event\":\"shutdown_started\""));
            assertThat(server.stdout()).anyMatch(line -> line.contains("\"event\":\"shutdown_complete\"")
                    && line.contains("\"abandoned_requests\":0"));
        }
    }

    @Test
    void stdioModeSpeaksMcpOnStdoutAndLogsOnlyToStderr() throws Exception {
        try (ServerProcess server = ServerProcess.startRaw(Map.of("ELEVENLABS_API_KEY", "el-test"), "--stdio")) {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.rawStdout(), StandardCharsets.UTF_8));
            server.stdin().write(("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                    + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}\n"
                    + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
                    + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}\n").getBytes(StandardCharsets.UTF_8));
            server.stdin().flush();

            Map<String, Object> initialized = RawMcpClient.json(out.readLine());
            assertThat(initialized).containsEntry("id", 1);
            assertThat(initialized.get("result")).asString().contains("name=ElevenLabs");
            Map<String, Object> tools = RawMcpClient.json(out.readLine());
            assertThat(tools).containsEntry("id", 2).containsKey("result");

            server.stdin().close();
            assertThat(server.awaitExit(Duration.ofSeconds(15))).isZero();
        }
    }

    private static int initializeStatus(int port, String key) {
        RawMcpClient client = new RawMcpClient(URI.create("http://127.0.0.1:" + port + "/mcp")).bearer(key);
        return client.post(client.message("initialize", Map.of("protocolVersion", "2025-06-18",
                "capabilities", Map.of(), "clientInfo", Map.of("name", "t", "version", "1")))).statusCode();
    }

    private static void assertRefused(Map<String, String> env, String variable) {
        try (ServerProcess server = ServerProcess.start(env)) {
            assertThat(server.awaitExit(START)).as(variable).isEqualTo(2);
            assertThat(server.stderr()).as(variable).singleElement().asString()
                    .startsWith("mcp-server: configuration error: " + variable);
        }
    }

    private static Map<String, String> with(Map<String, String> base, String name, String value) {
        Map<String, String> env = new HashMap<>(base);
        env.put(name, value);
        return env;
    }

    private static Map<String, String> without(Map<String, String> base, String name) {
        Map<String, String> env = new HashMap<>(base);
        env.remove(name);
        return env;
    }
}
