package com.mcpportal.mcpserver.http;

import com.mcpportal.mcpserver.Env;
import com.mcpportal.mcpserver.log.JsonLog;
import com.mcpportal.mcpserver.testsupport.LogCapture;
import com.mcpportal.mcpserver.testsupport.RawMcpClient;
import com.mcpportal.mcpserver.testsupport.RunningServer;
import com.mcpportal.mcpserver.testsupport.TestTools;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each MCP request's line carries its metrics in CloudWatch Embedded Metric Format, valid by the
 * specification, with values that match what the request did.
 */
class RequestMetricsIntegrationTests {

    private static final String KEY = "metrics-test-key-0123456789";

    @Test
    void eachRequestLineIsAValidEmfDocumentWithItsOwnFigures() {
        try (LogCapture log = LogCapture.start();
                RunningServer server = start(Map.of("MCP_SERVER_ENVIRONMENT_ID", "env-42"))) {
            RawMcpClient client = server.client().bearer(KEY);
            client.initialize();

            client.callTool("echo", Map.of("text", "fine"));
            Map<String, Object> ok = awaitRequest(log, "echo");
            assertThat(metrics(ok)).containsEntry("EnvironmentId", "env-42").containsEntry("Requests", 1)
                    .containsEntry("Errors", 0).containsEntry("Latency", ok.get("duration_ms"));
            assertThat(((Number) ok.get("Latency")).doubleValue()).isPositive();
            long stamp = ((Number) aws(ok).get("Timestamp")).longValue();
            assertThat(stamp).isEqualTo(Instant.parse((String) ok.get("ts")).toEpochMilli());

            client.callTool("boom", Map.of());
            assertThat(awaitRequest(log, "boom")).containsEntry("tool_error", true).containsEntry("Errors", 1);

            client.callTool("no_such_tool", Map.of());
            assertThat(awaitRequest(log, "no_such_tool")).containsKey("rpc_error").containsEntry("Errors", 1);
        }
    }

    @Test
    void schemaRefusalsAreToolErrorsAndRefusedRequestsAreNoErrors() {
        try (LogCapture log = LogCapture.start();
                RunningServer server = start(Map.of("MCP_SERVER_ENVIRONMENT_ID", "env-42"))) {
            RawMcpClient client = server.client().bearer(KEY);
            client.initialize();
            client.callTool("echo", Map.of("text", 5));
            assertThat(awaitRequest(log, "echo")).containsEntry("tool_error", true).containsEntry("Errors", 1);

            server.client().bearer("wrong-" + KEY).post(client.message("tools/list", null));
            Map<String, Object> refused = awaitLine(log, line -> Integer.valueOf(401).equals(line.get("status")));
            assertThat(metrics(refused)).containsEntry("Requests", 1).containsEntry("Errors", 0);

            RawMcpClient.send(HttpRequest.newBuilder(server.uri("/health")).build());
            Map<String, Object> health = awaitLine(log, line -> "/health".equals(line.get("path")));
            assertThat(health).doesNotContainKeys("_aws", "Requests");
        }
    }

    @Test
    void statelessAnswersAreCountedTheSameWay() {
        try (LogCapture log = LogCapture.start();
                RunningServer server = start(Map.of("MCP_SERVER_STATELESS", "true"))) {
            RawMcpClient client = server.client().bearer(KEY);
            client.callTool("echo", Map.of("text", "fine"));
            client.callTool("no_such_tool", Map.of());

            assertThat(metrics(awaitRequest(log, "echo"))).containsEntry("Errors", 0)
                    .containsEntry("EnvironmentId", "standalone");
            assertThat(metrics(awaitRequest(log, "no_such_tool"))).containsEntry("Errors", 1);
        }
    }

    @Test
    void aStreamIsCountedWithoutLatency() {
        try (LogCapture log = LogCapture.start(); RunningServer server = start(Map.of())) {
            RawMcpClient.send(HttpRequest.newBuilder(server.uri("/mcp")).header("Authorization", "Bearer " + KEY)
                    .header("Accept", "text/event-stream").build());
            Map<String, Object> get = awaitLine(log, line -> "GET".equals(line.get("http_method")));
            assertThat(metrics(get)).containsEntry("Requests", 1).doesNotContainKey("Latency");
        }
    }

    @Test
    void atLogLevelWarnOnlyAShortMetricsLineIsWritten() {
        try (LogCapture log = LogCapture.start(JsonLog.Level.WARN);
                RunningServer server = start(Map.of("MCP_SERVER_ENVIRONMENT_ID", "env-7"))) {
            RawMcpClient client = server.client().bearer(KEY);
            client.initialize();
            client.callTool("boom", Map.of());

            Map<String, Object> line = awaitLine(log, l -> Integer.valueOf(1).equals(l.get("Errors")));
            assertThat(metrics(line)).containsEntry("event", "request_metrics").containsEntry("EnvironmentId", "env-7")
                    .doesNotContainKeys("tool", "client", "key_id", "path");
        }
    }

    @Test
    void metricsOffLeavesTheRequestLineAsItWas() {
        try (LogCapture log = LogCapture.start(); RunningServer server = start(Map.of("MCP_SERVER_METRICS", "off"))) {
            server.client().bearer(KEY).initialize();
            Map<String, Object> line = awaitLine(log, l -> "initialize".equals(l.get("rpc_method")));
            assertThat(line).doesNotContainKeys("_aws", "Requests", "Errors", "Latency", "EnvironmentId");
        }
        try (LogCapture log = LogCapture.start(JsonLog.Level.WARN);
                RunningServer server = start(Map.of("MCP_SERVER_METRICS", "OFF"))) {
            server.client().bearer(KEY).initialize();
            assertThat(log.lines()).noneMatch(line -> line.contains("request"));
        }
    }

    @Test
    void anUnknownMetricsSettingStopsTheServerNamingTheVariable() {
        assertThatThrownBy(() -> HttpSettings.fromEnvironment(new Env(Map.of("MCP_SERVER_METRICS", "prometheus"))))
                .hasMessage("MCP_SERVER_METRICS must be emf or off, got \"prometheus\"");
        assertThat(HttpSettings.fromEnvironment(new Env(Map.of())).metrics()).isTrue();
    }

    private static RunningServer start(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(extra);
        env.put("MCP_SERVER_API_KEY", KEY);
        return RunningServer.start(env, TestTools.all());
    }

    private static Map<String, Object> awaitRequest(LogCapture log, String tool) {
        return awaitLine(log, line -> "request".equals(line.get("event")) && tool.equals(line.get("tool")));
    }

    private static Map<String, Object> awaitLine(LogCapture log, java.util.function.Predicate<Map<String, Object>> test) {
        return RawMcpClient.json(log.awaitLine(line -> test.test(RawMcpClient.json(line))));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> aws(Map<String, Object> line) {
        return (Map<String, Object>) line.get("_aws");
    }

    /**
     * Checks the line against the EMF specification (metadata, directives, target members) and
     * returns it for assertions on the values.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> metrics(Map<String, Object> line) {
        Map<String, Object> aws = aws(line);
        assertThat(aws).as("_aws metadata").isNotNull().containsOnlyKeys("Timestamp", "CloudWatchMetrics");
        assertThat(aws.get("Timestamp")).isInstanceOf(Number.class);
        List<Map<String, Object>> directives = (List<Map<String, Object>>) aws.get("CloudWatchMetrics");
        assertThat(directives).hasSize(1);
        Map<String, Object> directive = directives.get(0);
        assertThat(directive).containsOnlyKeys("Namespace", "Dimensions", "Metrics")
                .containsEntry("Namespace", "McpPortal/McpServer")
                .containsEntry("Dimensions", List.of(List.of("EnvironmentId")));
        for (List<String> set : (List<List<String>>) directive.get("Dimensions")) {
            set.forEach(dimension -> assertThat(line.get(dimension)).as("dimension " + dimension)
                    .isInstanceOf(String.class));
        }
        List<String> names = new ArrayList<>();
        for (Map<String, Object> metric : (List<Map<String, Object>>) directive.get("Metrics")) {
            assertThat(metric).containsOnlyKeys("Name", "Unit");
            String name = (String) metric.get("Name");
            names.add(name);
            assertThat(metric.get("Unit")).isEqualTo(name.equals("Latency") ? "Milliseconds" : "Count");
            assertThat(line.get(name)).as("metric " + name).isInstanceOf(Number.class);
        }
        assertThat(names).containsAnyOf("Requests").contains("Errors");
        if (line.containsKey("Latency")) {
            assertThat(names).contains("Latency");
        }
        return line;
    }
}
