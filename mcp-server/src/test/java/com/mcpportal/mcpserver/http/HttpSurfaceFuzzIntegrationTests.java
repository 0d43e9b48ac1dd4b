package com.mcpportal.mcpserver.http;

import com.mcpportal.mcpserver.testsupport.LogCapture;
import com.mcpportal.mcpserver.testsupport.RawHttp;
import com.mcpportal.mcpserver.testsupport.RawMcpClient;
import com.mcpportal.mcpserver.testsupport.RunningServer;
import com.mcpportal.mcpserver.testsupport.TestTools;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded random requests against the real server on loopback (path spellings, methods, content
 * types, oversize and malformed bodies, batches, header injection): every answer is short JSON
 * without internals, no answer is a server error, nothing is reflected into a response header,
 * and the server is healthy afterwards. A failure names its seed: repeat it with
 * {@code -Dmcp.fuzz.seed=<seed>}.
 */
class HttpSurfaceFuzzIntegrationTests {

    private static final String KEY = "fuzz-test-key-0123456789";
    private static final Duration BUDGET = Duration.ofSeconds(3);
    private static final int MAX_REQUESTS = 3000;
    @Test
    void whateverArrivesTheAnswerIsCleanAndTheServerStaysHealthy() {
        long seed = Long.getLong("mcp.fuzz.seed", new SecureRandom().nextLong());
        FuzzRequests requests = new FuzzRequests(new Random(seed), KEY);
        try (LogCapture log = LogCapture.start();
                RunningServer server = RunningServer.start(Map.of("MCP_SERVER_API_KEY", KEY,
                        "MCP_SERVER_MAX_REQUEST_BYTES", "4096", "MCP_SERVER_AUTH_MAX_FAILURES", "0",
                        "MCP_SERVER_ALLOWED_ORIGINS", "https://app.example.com"), TestTools.all())) {
            long deadline = System.nanoTime() + BUDGET.toNanos();
            int sent = 0;
            while (sent < MAX_REQUESTS && System.nanoTime() < deadline) {
                FuzzRequests.FuzzRequest request = requests.next();
                sent++;
                try {
                    assertClean(request, RawHttp.exchange(server.port(), request.bytes(), request.head()));
                } catch (AssertionError | RuntimeException e) {
                    throw new AssertionError("fuzz seed " + seed + " (repeat with -Dmcp.fuzz.seed=" + seed + "), request "
                            + sent + ":\n" + request.printable() + "\n" + e.getMessage() + "\nlast server log lines:\n"
                            + String.join("\n", lastLines(log, 3)), e);
                }
            }

            System.out.printf("HTTP fuzz: %d requests in %s, seed %d%n", sent, BUDGET, seed);
            assertThat(sent).as("requests sent in %s (seed %d)", BUDGET, seed).isGreaterThan(20);
            assertHealthy(server);
            // The server's own failures: a request that threw, or one answered with a 5xx.
            assertThat(log.lines()).as("seed %d: no request failed inside the server", seed)
                    .filteredOn(line -> line.contains("\"level\":\"ERROR\"") && !line.contains("\"event\":\"library\""))
                    .isEmpty();
        }
    }

    private static void assertClean(FuzzRequests.FuzzRequest request, RawHttp.Response answer) {
        assertThat(answer).as("an answer").isNotNull();
        String everything = answer.head() + "\r\n\r\n" + answer.body();
        assertThat(everything).doesNotContain("Exception", "at java.", "at io.", "<html", "Tomcat", "org.apache",
                "jakarta.", "McpError", "secret");
        assertThat(answer.headers()).as("nothing reflected into the answer's headers").doesNotContainKey("x-injected");
        if (!request.protocolRefusals().contains(answer.status())) {
            // 501 and 505 are what HTTP/1.1 prescribes for an unknown transfer coding or version; Tomcat
            // answers them before any routing, so they never count as the server's errors.
            assertThat(answer.status()).as("no server error: " + answer.head()).isLessThan(500);
        }
        if (answer.status() < 400 || request.head()) {
            return;
        }
        if (answer.body().isEmpty()) {
            // Tomcat answers an asterisk-form target ("OPTIONS *") itself, before any valve, without a body.
            assertThat(request.asteriskForm()).as("an error without a body: " + answer.head()).isTrue();
            return;
        }
        assertThat(answer.header("Content-Type")).as(answer.head()).startsWith("application/json");
        assertThat(RawMcpClient.json(answer.body())).containsEntry("jsonrpc", "2.0").containsKey("error");
    }

    private static List<String> lastLines(LogCapture log, int count) {
        List<String> lines = log.lines();
        return lines.subList(Math.max(0, lines.size() - count), lines.size());
    }

    private static void assertHealthy(RunningServer server) {
        RawHttp.Response health = RawHttp.exchange(server.port(), RawHttp.request("GET", "/health", Map.of(), null));
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"ok\"}");
        RawMcpClient client = server.client().bearer(KEY);
        client.initialize();
        assertThat(client.callTool("echo", Map.of("text", "still here")).toString()).contains("echo: still here");
    }
}
