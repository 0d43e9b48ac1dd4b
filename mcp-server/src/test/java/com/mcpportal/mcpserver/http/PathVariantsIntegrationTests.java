package com.mcpportal.mcpserver.http;

import com.mcpportal.mcpserver.testsupport.LogCapture;
import com.mcpportal.mcpserver.testsupport.RawHttp;
import com.mcpportal.mcpserver.testsupport.RawMcpClient;
import com.mcpportal.mcpserver.testsupport.RunningServer;
import com.mcpportal.mcpserver.testsupport.TestTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tomcat routes many spellings of a path to the same servlet ({@code /mcp;x=1}, {@code //mcp},
 * {@code /%6dcp}, dot segments). None of them gets past the guards that {@code /mcp} has, and each
 * counts in the metrics of the endpoint it reached.
 */
class PathVariantsIntegrationTests {

    private static final String KEY = "path-variants-key-0123456789";
    private static final Map<String, String> MCP_HEADERS = Map.of("Authorization", "Bearer " + KEY,
            "Content-Type", "application/json", "Accept", "application/json, text/event-stream");
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

    /** Spellings Tomcat maps to the {@code /mcp} servlet. */
    static final List<String> MCP_SPELLINGS = List.of("/mcp;x=1", "/mcp;", "/mcp;jsessionid=0", "//mcp", "///mcp",
            "/%6dcp", "/%6Dcp", "/m%63p", "/./mcp", "/x/../mcp", "/;a=b/mcp", "/%2e/mcp", "/x/%2e%2e/mcp");

    private static RunningServer server;

    @BeforeAll
    static void startServer() {
        server = RunningServer.start(Map.of("MCP_SERVER_API_KEY", KEY, "MCP_SERVER_MAX_REQUEST_BYTES", "2048",
                "MCP_SERVER_ENVIRONMENT_ID", "env-paths"), TestTools.all());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void everyOtherSpellingOfMcpIsRefusedBeforeTheSdkSeesTheBody() {
        for (String spelling : MCP_SPELLINGS) {
            for (String body : List.of(INITIALIZE, "[" + INITIALIZE + "]", "{\"pad\":\"" + "x".repeat(4000) + "\"}")) {
                RawHttp.Response answer = RawHttp.exchange(server.port(), RawHttp.request("POST", spelling, MCP_HEADERS, body));

                assertCleanError(answer, 400, spelling);
                assertThat(error(answer)).as(spelling).containsEntry("code", -32600);
                assertThat((String) error(answer).get("message")).as(spelling).contains("path");
            }
        }
        assertThat(RawHttp.exchange(server.port(), RawHttp.request("POST", "/mcp", MCP_HEADERS, INITIALIZE)).status())
                .as("the plain path still works").isEqualTo(200);
    }

    @Test
    void theLegacyMessageEndpointAndHealthAreGuardedTheSameWay() {
        for (String spelling : List.of("/message;x=1?sessionId=s", "//message?sessionId=s", "/%6dessage?sessionId=s")) {
            RawHttp.Response answer = RawHttp.exchange(server.port(),
                    RawHttp.request("POST", spelling, MCP_HEADERS, "[" + INITIALIZE + "]"));
            assertCleanError(answer, 400, spelling);
        }
        for (String spelling : List.of("//health", "/health;x", "/%68ealth", "//sse", "/sse;x")) {
            assertCleanError(RawHttp.exchange(server.port(), RawHttp.request("GET", spelling,
                    Map.of("Authorization", "Bearer " + KEY, "Accept", "text/event-stream"), null)), 400, spelling);
        }
    }

    @Test
    void encodedSlashesAndBackslashesAreRefusedByTheContainer() {
        for (String spelling : List.of("/%2fmcp", "/mcp%2F", "/%5cmcp", "/x%2f..%2fmcp")) {
            RawHttp.Response answer = RawHttp.exchange(server.port(), RawHttp.request("POST", spelling, MCP_HEADERS, INITIALIZE));
            assertCleanError(answer, 400, spelling);
        }
    }

    @Test
    void aRefusedSpellingCountsInTheMetricsOfTheEndpointItReached() {
        try (LogCapture log = LogCapture.start()) {
            for (String spelling : List.of("//mcp", "/mcp;x=1", "/%6dcp")) {
                RawHttp.exchange(server.port(), RawHttp.request("POST", spelling, MCP_HEADERS, INITIALIZE));

                Map<String, Object> line = RawMcpClient.json(log.awaitLine(text -> text.contains("\"event\":\"request\"")
                        && spelling.equals(RawMcpClient.json(text).get("raw_path"))));
                assertThat(line).as(spelling).containsEntry("path", "/mcp").containsEntry("status", 400);
                assertThat(RequestMetricsIntegrationTests.metrics(line)).as(spelling)
                        .containsEntry("EnvironmentId", "env-paths").containsEntry("Requests", 1).containsEntry("Errors", 0);
            }
        }
    }

    @Test
    void aBodyOverTheCapIsRefusedOnEveryRouteNotOnlyOnMcp() {
        String big = "{\"pad\":\"" + "x".repeat(4000) + "\"}";
        for (String[] route : new String[][] {{"GET", "/health"}, {"POST", "/nope"}, {"DELETE", "/mcp"},
                {"GET", "/sse"}, {"GET", "/mcp"}}) {
            RawHttp.Response answer = RawHttp.exchange(server.port(), RawHttp.request(route[0], route[1], MCP_HEADERS, big));
            assertCleanError(answer, 413, route[0] + " " + route[1]);
        }
    }

    static void assertCleanError(RawHttp.Response answer, int status, String what) {
        assertThat(answer).as(what + ": an answer").isNotNull();
        assertThat(answer.status()).as(what + ": " + answer.head() + "\n" + answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(what).startsWith("application/json");
        assertThat(answer.body()).as(what).doesNotContain("Exception", "at java.", "at io.", "<html", "Tomcat", "org.apache");
        assertThat(RawMcpClient.json(answer.body())).as(what).containsEntry("jsonrpc", "2.0").containsKey("error");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> error(RawHttp.Response answer) {
        return (Map<String, Object>) RawMcpClient.json(answer.body()).get("error");
    }
}
