package com.mcpportal.mcpserver.elevenlabs;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The ElevenLabs REST API on {@link HttpClient}: {@code xi-api-key} on every call, timeouts,
 * and bounded retries with backoff after 429 and 5xx that honour {@code Retry-After}.
 */
public final class ElevenLabsClient {

    static final String USER_AGENT = "mcp-portal-elevenlabs-mcp/0.1";
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    /**
     * Where the client completes its exchanges. Its default, a cached pool, grows a thread per concurrent call
     * (47 of them under 50 concurrent text-to-speech calls, each with its stack and allocator arena) although every
     * caller already blocks in {@code send} on its own request thread; the pool's tasks are short and never block.
     */
    private static final Executor COMPLETIONS = Executors.newFixedThreadPool(2, task -> {
        Thread thread = new Thread(task, "elevenlabs-client");
        thread.setDaemon(true);
        return thread;
    });

    private final ElevenLabsSettings settings;
    private final Sleeper sleeper;
    private final String origin;
    private volatile @Nullable HttpClient http;

    public ElevenLabsClient(ElevenLabsSettings settings) {
        this(settings, Sleeper.REAL);
    }

    public ElevenLabsClient(ElevenLabsSettings settings, Sleeper sleeper) {
        this.settings = settings;
        this.sleeper = sleeper;
        String base = settings.baseUrl().toString();
        this.origin = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** Built on first use: its selector thread and TLS set-up need not slow down server start. */
    private HttpClient http() {
        HttpClient client = http;
        if (client == null) {
            synchronized (this) {
                if (http == null) {
                    http = HttpClient.newBuilder()
                            .connectTimeout(settings.connectTimeout())
                            .followRedirects(HttpClient.Redirect.NEVER)
                            // h2c upgrade attempts on plain http only cost a round trip (the fake is plain http).
                            .version("https".equals(settings.baseUrl().getScheme())
                                    ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                            .executor(COMPLETIONS)
                            .build();
                }
                client = http;
            }
        }
        return client;
    }

    /** Sends the request and returns JSON from a 2xx answer. */
    public JsonNode json(ApiRequest request) {
        return send(request).json();
    }

    /**
     * Sends the request, retrying as {@link ApiRequest} allows.
     *
     * @throws ElevenLabsException with ElevenLabs' own status and message when the last attempt fails
     */
    public ApiResponse send(ApiRequest request) {
        HttpRequest httpRequest = build(request);
        for (int attempt = 0; ; attempt++) {
            boolean lastAttempt = attempt >= settings.maxRetries();
            HttpResponse<byte[]> response;
            try {
                response = http().send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
            } catch (HttpConnectTimeoutException | ConnectException e) {
                // Nothing reached ElevenLabs: always safe to try again.
                if (lastAttempt) {
                    throw new ElevenLabsException("could not connect to " + origin, e);
                }
                pause(backoff(attempt));
                continue;
            } catch (HttpTimeoutException e) {
                if (lastAttempt || !request.retriesOnServerError()) {
                    throw new ElevenLabsException("no answer within " + settings.requestTimeout().toSeconds()
                            + " s for " + request, e);
                }
                pause(backoff(attempt));
                continue;
            } catch (IOException e) {
                if (lastAttempt || !request.retriesOnServerError()) {
                    throw new ElevenLabsException("connection failed during " + request + ": " + e.getMessage(), e);
                }
                pause(backoff(attempt));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ElevenLabsException("interrupted while calling " + request, e);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return new ApiResponse(status, response.headers(), response.body());
            }
            ElevenLabsException error = ErrorBodies.toException(status, response.body());
            boolean retryable = status == 429 || status >= 500 && request.retriesOnServerError();
            if (!retryable || lastAttempt) {
                throw error;
            }
            Duration delay = retryDelay(response.headers().firstValue("retry-after").orElse(null), attempt);
            if (delay == null) {
                // ElevenLabs asks for a longer wait than a tool call should block: say so now.
                throw error;
            }
            pause(delay);
        }
    }

    private HttpRequest build(ApiRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(origin + request.target()))
                .timeout(settings.requestTimeout())
                .header("xi-api-key", settings.apiKey())
                .header("User-Agent", USER_AGENT);
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        if (request.jsonBody() != null) {
            builder.header("Content-Type", "application/json");
            body = HttpRequest.BodyPublishers.ofByteArray(Json.bytes(request.jsonBody()));
        } else if (request.multipartBody() != null) {
            builder.header("Content-Type", request.multipartBody().contentType());
            body = HttpRequest.BodyPublishers.ofByteArrays(request.multipartBody().chunks());
        }
        return builder.method(request.method(), body).build();
    }

    /**
     * How long to wait before the next attempt: {@code Retry-After} (seconds or HTTP date) when
     * given, else exponential backoff with jitter; null when the wait would exceed the cap.
     */
    @Nullable Duration retryDelay(@Nullable String retryAfter, int attempt) {
        Duration max = settings.maxRetryDelay();
        if (retryAfter != null) {
            Duration asked = parseRetryAfter(retryAfter.strip());
            if (asked != null) {
                return asked.compareTo(max) > 0 ? null : asked;
            }
        }
        return backoff(attempt);
    }

    private Duration backoff(int attempt) {
        long base = FIRST_BACKOFF.toMillis() << Math.min(attempt, 10);
        long jittered = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        return Duration.ofMillis(Math.min(jittered, settings.maxRetryDelay().toMillis()));
    }

    private static @Nullable Duration parseRetryAfter(String value) {
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(ZonedDateTime.now(when.getZone()), when);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    private void pause(Duration delay) {
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ElevenLabsException("interrupted while waiting to retry", e);
        }
    }
}
