package com.mcpportal.mcpserver.elevenlabs;

import com.mcpportal.mcpserver.elevenlabs.ElevenLabsSettings.OutputMode;
import com.mcpportal.mcpserver.testsupport.FakeElevenLabs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ElevenLabsClientTests {

    static FakeElevenLabs fake;
    final List<Duration> sleeps = new ArrayList<>();
    ElevenLabsClient client;

    @BeforeAll
    static void startFake() {
        fake = FakeElevenLabs.start();
    }

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    @BeforeEach
    void setUp() {
        fake.reset();
        client = client(FakeElevenLabs.API_KEY, fake.baseUrl(), 2);
    }

    @Test
    void sendsTheApiKeyAndAUserAgentOnEveryCall() {
        client.json(ApiRequest.get("/v1/models"));
        client.send(ApiRequest.post("/v1/sound-generation").json(Json.object().put("text", "x")));

        assertThat(fake.requests()).hasSize(2).allSatisfy(request -> {
            assertThat(request.getHeader("xi-api-key")).isEqualTo(FakeElevenLabs.API_KEY);
            assertThat(request.getHeader("User-Agent")).startsWith("mcp-portal-elevenlabs-mcp");
        });
    }

    @Test
    void concurrentCallsAreCompletedOnTwoThreadsInsteadOfAThreadPerCall() throws Exception {
        client.json(ApiRequest.get("/v1/models"));
        long workersBefore = threadsNamed("HttpClient-\\d+-Worker-\\d+");
        ExecutorService callers = Executors.newFixedThreadPool(24);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                calls.add(callers.submit(() -> client.json(ApiRequest.get("/v1/models"))));
            }
            for (Future<?> call : calls) {
                call.get(30, TimeUnit.SECONDS);
            }
        } finally {
            callers.shutdownNow();
        }

        assertThat(threadsNamed("HttpClient-\\d+-Worker-\\d+")).as("JDK client worker threads").isEqualTo(workersBefore);
        assertThat(threadsNamed("elevenlabs-client")).isBetween(1L, 2L);
    }

    @Test
    void aWrongKeyIsInvalidApiKeyAndNotRetried() {
        ElevenLabsClient wrong = client("sk_wrong", fake.baseUrl(), 2);

        assertThatThrownBy(() -> wrong.json(ApiRequest.get("/v1/models")))
                .isInstanceOfSatisfying(ElevenLabsException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(401);
                    assertThat(e.code()).isEqualTo("invalid_api_key");
                    assertThat(e.describe()).isEqualTo("ElevenLabs API error (HTTP 401 invalid_api_key): Invalid API key");
                });
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void aRateLimitIsRetriedAfterRetryAfterSeconds() {
        fake.rateLimitOnce("GET", "/v1/models", 3);

        client.json(ApiRequest.get("/v1/models"));

        assertThat(sleeps).containsExactly(Duration.ofSeconds(3));
        assertThat(fake.requests("GET", "/v1/models")).hasSize(2);
    }

    @Test
    void retryAfterAsAnHttpDateIsHonoured() {
        String inTwoSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(2));

        Duration delay = client.retryDelay(inTwoSeconds, 0);

        assertThat(delay).isBetween(Duration.ZERO, Duration.ofSeconds(2));
    }

    @Test
    void aRetryAfterLongerThanTheCapIsNotWaitedFor() {
        fake.rateLimitAlways("GET", "/v1/models", 3600);

        assertThatThrownBy(() -> client.json(ApiRequest.get("/v1/models")))
                .isInstanceOfSatisfying(ElevenLabsException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(429);
                    assertThat(e.code()).isEqualTo("system_busy");
                });
        assertThat(sleeps).isEmpty();
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void retriesStopAfterTheConfiguredNumberWithExponentialBackoff() {
        fake.failWith("GET", "/v1/models", 503, "service_unavailable", "Try again later.");

        assertThatThrownBy(() -> client.json(ApiRequest.get("/v1/models")))
                .isInstanceOfSatisfying(ElevenLabsException.class, e -> assertThat(e.describe())
                        .isEqualTo("ElevenLabs API error (HTTP 503 service_unavailable): Try again later."));
        assertThat(fake.requests()).hasSize(3);
        assertThat(sleeps).hasSize(2);
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
    }

    @Test
    void serverErrorsAreNotRetriedForRequestsThatCreateSomething() {
        fake.serverErrorOnce("POST", "/v1/convai/agents/create", 500);

        assertThatThrownBy(() -> client.json(ApiRequest.create("/v1/convai/agents/create").json(Json.object())))
                .isInstanceOf(ElevenLabsException.class);
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void rateLimitsAreRetriedEvenForRequestsThatCreateSomething() {
        fake.rateLimitOnce("POST", "/v1/convai/agents/create", 1);

        client.json(ApiRequest.create("/v1/convai/agents/create").json(Json.object()));

        assertThat(fake.requests()).hasSize(2);
    }

    @Test
    void validationErrorsListEveryProblem() {
        fake.wireMock().stubFor(get(urlPathEqualTo("/v1/models")).atPriority(1).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json").withBody("{\"detail\":[{\"loc\":[\"body\",\"text\"],"
                        + "\"msg\":\"Field required\",\"type\":\"missing\"},{\"loc\":[\"query\",\"output_format\"],"
                        + "\"msg\":\"Input should be 'mp3_44100_128'\",\"type\":\"enum\"}]}")));

        assertThatThrownBy(() -> client.json(ApiRequest.get("/v1/models")))
                .isInstanceOfSatisfying(ElevenLabsException.class, e -> assertThat(e.describe()).isEqualTo(
                        "ElevenLabs API error (HTTP 422 validation_error): body.text: Field required; "
                                + "query.output_format: Input should be 'mp3_44100_128'"));
    }

    @Test
    void anHtmlErrorPageBecomesAShortMessage() {
        fake.wireMock().stubFor(get(urlPathEqualTo("/v1/models")).atPriority(1).willReturn(aResponse().withStatus(502)
                .withBody("<html><body><h1>502 Bad Gateway</h1></body></html>")));

        assertThatThrownBy(() -> client.json(ApiRequest.get("/v1/models")))
                .isInstanceOfSatisfying(ElevenLabsException.class, e -> assertThat(e.describe())
                        .isEqualTo("ElevenLabs API error (HTTP 502): ElevenLabs had an internal error"));
    }

    @Test
    void anUnreachableApiIsReportedAfterRetries() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ElevenLabsClient unreachable = client(FakeElevenLabs.API_KEY, "http://127.0.0.1:" + closedPort, 1);

        assertThatThrownBy(() -> unreachable.json(ApiRequest.get("/v1/models")))
                .isInstanceOfSatisfying(ElevenLabsException.class, e -> {
                    assertThat(e.httpStatus()).isZero();
                    assertThat(e.describe()).startsWith("ElevenLabs API could not be reached: could not connect to");
                });
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void pathSegmentsAndQueryValuesAreEncoded() {
        assertThat(ApiRequest.get("/v1/voices/{}", "a b/c?d").query("search", "Zoë & co").target())
                .isEqualTo("/v1/voices/a%20b%2Fc%3Fd?search=Zo%C3%AB%20%26%20co");
    }

    private ElevenLabsClient client(String key, String baseUrl, int retries) {
        ElevenLabsSettings settings = new ElevenLabsSettings(key, URI.create(baseUrl), null, null, OutputMode.RESOURCES,
                Path.of("/tmp"), Duration.ofSeconds(10), Duration.ofSeconds(30), retries, Duration.ofSeconds(10),
                1024 * 1024, Duration.ofSeconds(30));
        return new ElevenLabsClient(settings, sleeps::add);
    }

    private static long threadsNamed(String pattern) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().matches(pattern)).count();
    }
}
