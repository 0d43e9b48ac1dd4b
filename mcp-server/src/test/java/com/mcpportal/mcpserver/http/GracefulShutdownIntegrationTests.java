package com.mcpportal.mcpserver.http;

import com.mcpportal.mcpserver.testsupport.LogCapture;
import com.mcpportal.mcpserver.testsupport.RawMcpClient;
import com.mcpportal.mcpserver.testsupport.RunningServer;
import com.mcpportal.mcpserver.testsupport.TestTools;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Stopping lets in-flight tool calls finish, refuses new work, and gives up after the grace period. */
class GracefulShutdownIntegrationTests {

    private static final String KEY = "shutdown-test-key-0123456789";

    @Test
    void inFlightCallFinishesAndNewConnectionsAreRefused() throws Exception {
        RunningServer server = RunningServer.start(Map.of("MCP_SERVER_API_KEY", KEY), TestTools.all());
        RawMcpClient client = server.client().bearer(KEY);
        client.initialize();
        java.net.URI health = server.uri("/health");
        int started = TestTools.slowCallsStarted();
        CompletableFuture<Map<String, Object>> slowCall = CompletableFuture.supplyAsync(
                () -> client.callTool("slow", Map.of("millis", 1500)));
        awaitTheSlowCallInFlight(started);

        try (LogCapture log = LogCapture.start()) {
            server.close();
            assertThat(log.text()).contains("\"in_flight\":1", "\"abandoned_requests\":0");
        }

        assertThat(slowCall.get(5, TimeUnit.SECONDS).toString()).contains("done").doesNotContain("isError=true");
        assertThatThrownBy(() -> RawMcpClient.send(HttpRequest.newBuilder(health)
                .timeout(Duration.ofSeconds(3)).build())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void graceIsBoundedByTheConfiguredSeconds() throws Exception {
        RunningServer server = RunningServer.start(Map.of("MCP_SERVER_API_KEY", KEY,
                "MCP_SERVER_SHUTDOWN_GRACE_SECONDS", "1"), TestTools.all());
        RawMcpClient client = server.client().bearer(KEY);
        client.initialize();
        int started = TestTools.slowCallsStarted();
        CompletableFuture.runAsync(() -> {
            try {
                client.callTool("slow", Map.of("millis", 8000));
            } catch (RuntimeException | AssertionError expected) {
                // The connection is cut when the grace period ends.
            }
        });
        awaitTheSlowCallInFlight(started);

        long start = System.nanoTime();
        try (LogCapture log = LogCapture.start()) {
            server.close();
            assertThat(log.text()).contains("\"abandoned_requests\":1");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
    }

    /** The tool has started, so its request is in flight: stopping now has to wait for its answer. */
    private static void awaitTheSlowCallInFlight(int startedBefore) {
        await().atMost(Duration.ofSeconds(10)).until(() -> TestTools.slowCallsStarted() > startedBefore);
    }
}
