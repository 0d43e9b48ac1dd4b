package com.mcpportal.portal.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import tools.jackson.databind.json.JsonMapper;

import com.mcpportal.portal.web.BusyException;
import com.mcpportal.portal.web.ConflictException;
import com.mcpportal.portal.web.InvalidInputException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * {@code Idempotency-Key} for REST POSTs that create things, so a client may safely resend a request whose answer
 * it lost. Wrap the creating call:
 * <pre>{@code
 * return idempotency.execute(request, CurrentUser.get().id(), body, () -> ResponseEntity.created(uri).body(view));
 * }</pre>
 * Without the header the call simply runs. With it, the first request runs and its answer (status, Location, JSON
 * body) is kept for 24 hours per user and key; a repeat with the same method, path and body gets that answer again
 * with {@code Idempotent-Replayed: true} and runs nothing; the same key with another request is a 422; a repeat
 * while the first still runs is a 409 {@code busy}. A call that throws stores nothing, so the client may retry it.
 * Answers that hold a secret (a new token or API key) use {@link #executeWithoutReplay}: a repeat gets 409
 * "already issued", never the secret again. Call it outside a transaction (controllers do), so the "running"
 * mark is visible to a concurrent repeat.
 */
@Component
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    static final Duration LIFETIME = Duration.ofHours(24);
    private static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyRecords records;
    private final JsonMapper json;
    private final Clock clock;

    /** @param json the mapper Spring MVC writes responses with, so a replayed body reads like the first one */
    Idempotency(IdempotencyRecords records, JsonMapper json, Clock clock) {
        this.records = records;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Runs {@code action} once per {@code Idempotency-Key}, replaying its answer to repeats.
     *
     * @param body the parsed request body (compared by its JSON form), or null for a POST without one
     */
    public ResponseEntity<?> execute(HttpServletRequest request, long userId, Object body,
            Supplier<? extends ResponseEntity<?>> action) {
        return run(request, userId, body, action, true);
    }

    /** Like {@link #execute}, for answers that hold a secret: a repeat gets 409 "already issued", not the body. */
    public ResponseEntity<?> executeWithoutReplay(HttpServletRequest request, long userId, Object body,
            Supplier<? extends ResponseEntity<?>> action) {
        return run(request, userId, body, action, false);
    }

    private ResponseEntity<?> run(HttpServletRequest request, long userId, Object body,
            Supplier<? extends ResponseEntity<?>> action, boolean replayable) {
        String key = request.getHeader(HEADER);
        if (key == null) {
            return action.get();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new InvalidInputException(HEADER, "An Idempotency-Key is 1 to 255 printable ASCII characters"
                    + " without spaces, e.g. a UUID.");
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        IdempotencyRecords.Request first = new IdempotencyRecords.Request(userId, key, request.getMethod(), path,
                hash(body));
        Instant now = clock.instant();
        records.purgeOlderThan(now.minus(LIFETIME));
        if (!records.claim(first, replayable, now)) {
            return repeat(first);
        }
        ResponseEntity<?> answer;
        try {
            answer = action.get();
        } catch (RuntimeException | Error failed) {
            records.release(first);
            throw failed;
        }
        URI location = answer.getHeaders().getLocation();
        records.complete(first, answer.getStatusCode().value(), location == null ? null : location.toString(),
                replayable && answer.getBody() != null ? json.writeValueAsString(answer.getBody())
                        : null);
        return answer;
    }

    private ResponseEntity<?> repeat(IdempotencyRecords.Request repeat) {
        Optional<IdempotencyRecords.Stored> found = records.find(repeat.userId(), repeat.key());
        if (found.isEmpty()) {
            // Released (the first attempt failed) between our claim and this read: ask for a plain retry.
            throw new BusyException("A request with this Idempotency-Key just failed; send it again.");
        }
        IdempotencyRecords.Stored stored = found.get();
        if (!stored.method().equals(repeat.method()) || !stored.path().equals(repeat.path())
                || !stored.requestHash().equals(repeat.requestHash())) {
            throw new InvalidInputException(HEADER, "This Idempotency-Key was used for a different request"
                    + " (" + stored.method() + " " + stored.path() + " with another body); use a new key.");
        }
        if (stored.status() == null) {
            throw new BusyException("A request with this Idempotency-Key is still running; retry when it has"
                    + " finished.");
        }
        if (!stored.replayable()) {
            throw new ConflictException("Already issued: the request with this Idempotency-Key succeeded and its"
                    + " secret was shown once; it cannot be shown again. Revoke it if it was lost and issue another.");
        }
        HttpHeaders headers = new HttpHeaders();
        headers.set(REPLAYED_HEADER, "true");
        if (stored.location() != null) {
            headers.setLocation(URI.create(stored.location()));
        }
        if (stored.responseBody() == null) {
            return new ResponseEntity<Void>(headers, HttpStatusCode.valueOf(stored.status()));
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new ResponseEntity<>(stored.responseBody(), headers, HttpStatusCode.valueOf(stored.status()));
    }

    private String hash(Object body) {
        byte[] bytes = body == null ? new byte[0]
                : json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
