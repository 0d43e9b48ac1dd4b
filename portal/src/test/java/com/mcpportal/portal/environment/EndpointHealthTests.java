package com.mcpportal.portal.environment;

import java.net.ServerSocket;
import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Test connection" against an endpoint that answers as the MCP server's {@code /health} does (WireMock, for the
 * exact request and the error answers): what a user reads for a healthy server, a sick one, a slow one, none.
 */
class EndpointHealthTests {

    private final WireMockServer endpoint = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    private final EndpointHealth health = new EndpointHealth(null, null);

    @BeforeEach
    void start() {
        endpoint.start();
    }

    @AfterEach
    void stop() {
        endpoint.stop();
    }

    @Test
    void aHealthyServerIsQuotedWithTheStatusAndTheUrl() {
        endpoint.stubFor(get("/health").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"status\":\"ok\"}\n")));

        EndpointHealth.Answer answer = health.get(endpoint.baseUrl() + "/health");

        assertThat(answer.healthy()).isTrue();
        assertThat(answer.message()).isEqualTo("The server answered: HTTP 200 from " + endpoint.baseUrl()
                + "/health, {\"status\":\"ok\"}");
        endpoint.verify(1, getRequestedFor(urlEqualTo("/health")));
    }

    @Test
    void anUnhealthyAnswerSaysWhatCameBack() {
        endpoint.stubFor(get("/health").willReturn(aResponse().withStatus(503)
                .withBody("{\"message\":\"Service Unavailable\"}")));

        EndpointHealth.Answer answer = health.get(endpoint.baseUrl() + "/health");

        assertThat(answer.healthy()).isFalse();
        assertThat(answer.message()).startsWith("Not healthy: HTTP 503 from ").endsWith("{\"message\":\"Service Unavailable\"}");
    }

    @Test
    void aServerTooSlowToAnswerIsGivenUpOnAfterTheTimeout() {
        // 1 s instead of the production 5 s (EndpointHealth.TIMEOUT): the same code path, 4 s less of the suite.
        Duration timeout = Duration.ofSeconds(1);
        endpoint.stubFor(get("/health").willReturn(aResponse().withStatus(200)
                .withFixedDelay((int) timeout.toMillis() + 5_000)));

        long started = System.nanoTime();
        EndpointHealth.Answer answer = new EndpointHealth(null, null, timeout).get(endpoint.baseUrl() + "/health");

        assertThat(answer.healthy()).isFalse();
        assertThat(answer.message()).isEqualTo("No answer from " + endpoint.baseUrl() + "/health within 1 s.");
        assertThat((System.nanoTime() - started) / 1_000_000).as("ms waited, less than the 6 s the answer takes")
                .isLessThan(timeout.toMillis() + 3_000);
    }

    @Test
    void nothingListeningIsSaidPlainly() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        EndpointHealth.Answer answer = health.get("http://127.0.0.1:" + closed + "/health");

        assertThat(answer.healthy()).isFalse();
        assertThat(answer.message()).startsWith("Could not reach http://127.0.0.1:" + closed + "/health: ");
    }
}
