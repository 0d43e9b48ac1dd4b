package com.mcpportal.mcpserver.testsupport;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.not;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A fake ElevenLabs API on loopback that answers as ElevenLabs' OpenAPI document describes,
 * errors included ({@code invalid_api_key}, {@code voice_not_found}, {@code quota_exceeded},
 * 429 with {@code Retry-After}, 5xx). For tool tests, interop tests and benchmarks:
 *
 * <pre>{@code
 * try (FakeElevenLabs fake = FakeElevenLabs.start()) {
 *     Map<String, String> env = fake.environment(); // ELEVENLABS_API_KEY and ELEVENLABS_BASE_URL
 *     ...
 *     fake.rateLimitOnce("POST", "/v1/text-to-speech/.*", 1);
 * }
 * }</pre>
 *
 * Run {@link #main} to keep one running on a fixed port for a benchmark script.
 */
public final class FakeElevenLabs implements AutoCloseable {

    /** The only key the fake accepts; any other gets 401 {@code invalid_api_key}. */
    public static final String API_KEY = "sk_fake_0123456789abcdef0123456789abcdef";
    /** Jessica, the official server's default voice. */
    public static final String DEFAULT_VOICE_ID = "cgSgspJ2msm6clMCkdW9";
    public static final String ADAM_VOICE_ID = "pNInz6obpgDQGcFmaJgB";
    public static final String RACHEL_VOICE_ID = "21m00Tcm4TlvDq8ikWAM";
    public static final String AGENT_ID = "agent_7101k1x8d0wfe8ssb3p8a0fgpmqh";
    public static final String CONVERSATION_ID = "conv_01jxk1x8d0wfe8ssb3p8a0fgpmqh";
    public static final String TWILIO_PHONE_NUMBER_ID = "phnum_twilio_0001";
    public static final String SIP_PHONE_NUMBER_ID = "phnum_sip_0001";
    public static final String SONG_ID = "song_01jxk1x8d0wfe8ssb3p8a0fgpmqh";
    /** Priority of the built-in answers; failures added by the helpers below win over them. */
    static final int DEFAULT_PRIORITY = 5;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final WireMockServer server;

    private FakeElevenLabs(int port, boolean keepRequests) {
        var options = options().bindAddress("127.0.0.1").port(port).usingFilesUnderClasspath("fake-elevenlabs")
                .containerThreads(32).jettyAcceptors(1);
        // A benchmark sends tens of thousands of calls: remembering them all would only cost memory.
        server = new WireMockServer(keepRequests ? options : options.disableRequestJournal());
        server.start();
        FakeElevenLabsStubs.install(this);
    }

    /** Starts a fake on a free loopback port. */
    public static FakeElevenLabs start() {
        return new FakeElevenLabs(0, true);
    }

    /** Starts a fake for a benchmark or a manual test, without a request journal: {@code FakeElevenLabs [port]}. */
    public static void main(String[] args) throws InterruptedException {
        FakeElevenLabs fake = new FakeElevenLabs(args.length > 0 ? Integer.parseInt(args[0]) : 0, false);
        System.out.println(fake.baseUrl());
        Runtime.getRuntime().addShutdownHook(new Thread(fake::close));
        Thread.currentThread().join();
    }

    /** The origin to use as {@code ELEVENLABS_BASE_URL}, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Environment variables that point the server at this fake. */
    public Map<String, String> environment() {
        return Map.of("ELEVENLABS_API_KEY", API_KEY, "ELEVENLABS_BASE_URL", baseUrl());
    }

    /** The WireMock server, for {@code verify(...)} and custom stubs. */
    public WireMockServer wireMock() {
        return server;
    }

    /** Requests received so far, oldest first. */
    public List<LoggedRequest> requests() {
        return server.findAll(RequestPatternBuilder.allRequests());
    }

    /** Requests with this method whose path matches the regular expression. */
    public List<LoggedRequest> requests(String method, String pathRegex) {
        return server.findAll(RequestPatternBuilder.newRequestPattern(
                com.github.tomakehurst.wiremock.http.RequestMethod.fromString(method), urlPathMatching(pathRegex)));
    }

    /** Forgets received requests and added failures; the built-in answers stay. */
    public void reset() {
        server.resetAll();
        FakeElevenLabsStubs.install(this);
    }

    /** Every matching call fails with ElevenLabs' error body {@code {"detail": {"status", "message"}}}. */
    public void failWith(String method, String pathRegex, int status, String code, String message) {
        server.stubFor(matching(method, pathRegex).atPriority(2).willReturn(error(status, code, message)));
    }

    /** Every matching call is refused for lack of credits, as ElevenLabs does (401 quota_exceeded). */
    public void quotaExceeded(String method, String pathRegex) {
        failWith(method, pathRegex, 401, "quota_exceeded", "This request exceeds your quota of 10000. You have 12 "
                + "credits remaining, while 58 credits are required for this request.");
    }

    /** The next matching call gets 429 with {@code Retry-After}; later ones succeed. */
    public void rateLimitOnce(String method, String pathRegex, int retryAfterSeconds) {
        failOnce(method, pathRegex, error(429, "too_many_concurrent_requests", "You are sending too many "
                + "concurrent requests.").withHeader("Retry-After", String.valueOf(retryAfterSeconds)));
    }

    /** The next matching call gets this 5xx; later ones succeed. */
    public void serverErrorOnce(String method, String pathRegex, int status) {
        failOnce(method, pathRegex, error(status, "internal_error", "An internal error occurred."));
    }

    /** Matching calls always get 429 with {@code Retry-After}. */
    public void rateLimitAlways(String method, String pathRegex, int retryAfterSeconds) {
        server.stubFor(matching(method, pathRegex).atPriority(2).willReturn(error(429, "system_busy",
                "The system is experiencing heavy traffic.").withHeader("Retry-After", String.valueOf(retryAfterSeconds))));
    }

    /** A short but well-formed MP3: an ID3 tag and MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz). */
    public static byte[] mp3(int frames) {
        byte[] id3 = {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0};
        int frameLength = 417;
        byte[] audio = new byte[id3.length + frames * frameLength];
        System.arraycopy(id3, 0, audio, 0, id3.length);
        for (int f = 0; f < frames; f++) {
            int at = id3.length + f * frameLength;
            audio[at] = (byte) 0xFF;
            audio[at + 1] = (byte) 0xFB;
            audio[at + 2] = (byte) 0x90;
            audio[at + 3] = (byte) 0x64;
            for (int i = 4; i < frameLength; i++) {
                audio[at + i] = (byte) ((f * 31 + i * 7) & 0x55);
            }
        }
        return audio;
    }

    @Override
    public void close() {
        server.stop();
    }

    static MappingBuilder matching(String method, String pathRegex) {
        return request(method, urlPathMatching(pathRegex));
    }

    static ResponseDefinitionBuilder error(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"detail\":{\"status\":\"" + code + "\",\"message\":\"" + message + "\"}}");
    }

    void stub(MappingBuilder mapping) {
        server.stubFor(mapping.atPriority(DEFAULT_PRIORITY));
    }

    /** An answer for what no built-in stub matches, such as an unknown voice id. */
    void fallback(MappingBuilder mapping) {
        server.stubFor(mapping.atPriority(DEFAULT_PRIORITY + 1));
    }

    /** Calls without the right key: ElevenLabs' answer to a wrong or missing xi-api-key. */
    void requireApiKey() {
        ResponseDefinitionBuilder invalid = error(401, "invalid_api_key", "Invalid API key");
        server.stubFor(any(anyUrl()).withHeader("xi-api-key", absent()).atPriority(1).willReturn(invalid));
        server.stubFor(any(anyUrl()).withHeader("xi-api-key", not(equalTo(API_KEY))).atPriority(1)
                .willReturn(invalid));
    }

    static JsonNode json(String file) {
        try (InputStream in = FakeElevenLabs.class.getResourceAsStream("/fake-elevenlabs/__files/" + file)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void failOnce(String method, String pathRegex, ResponseDefinitionBuilder response) {
        String scenario = method + " " + pathRegex + " " + System.nanoTime();
        server.stubFor(matching(method, pathRegex).atPriority(2).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("answered").willReturn(response));
    }
}
