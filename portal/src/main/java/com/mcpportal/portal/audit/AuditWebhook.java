package com.mcpportal.portal.audit;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.mcpportal.portal.audit.export.AuditExportFormat;
import com.mcpportal.portal.audit.export.AuditRowWriter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Streams audit events to a SIEM: POSTs batches of new events as JSON Lines to the configured URL, signed with
 * {@code X-Portal-Signature: sha256=<hex HMAC-SHA256 of the body under the shared secret>}. The audit log is the
 * outbox: a cursor row remembers the last delivered id, so nothing is lost across failures or restarts; a failed
 * delivery is retried with exponential backoff (5 s doubling to 10 min). Delivery is at least once (a batch
 * whose answer was lost is sent again): receivers deduplicate by event id.
 */
@Service
public class AuditWebhook {

    private static final Logger log = LoggerFactory.getLogger(AuditWebhook.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    private static final Duration MAX_RETRY = Duration.ofMinutes(10);
    private static final int MAX_BATCHES_PER_RUN = 50;

    private final AuditSettings.Webhook settings;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final HttpClient http;

    AuditWebhook(AuditSettings settings, JdbcTemplate jdbc, Clock clock) {
        this.settings = settings.webhook();
        this.jdbc = jdbc;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(this.settings.timeout()).build();
    }

    /**
     * Where delivery stands, for the admin page.
     *
     * @param endpoint scheme, host and port of the URL (the path may carry a token, so it is not shown)
     * @param pending  events recorded but not yet delivered
     */
    record Status(boolean enabled, String endpoint, boolean secretSet, Long deliveredThrough, long pending,
                  int failures, Instant nextAttemptAt, String lastError, Instant lastDeliveredAt) {
    }

    public Status status() {
        if (!settings.enabled()) {
            return new Status(false, null, false, null, 0, 0, null, null, null);
        }
        URI uri = URI.create(settings.url());
        String endpoint = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        Cursor cursor = cursor();
        long pending = cursor == null ? 0 : jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE id > ?",
                Long.class, cursor.deliveredThrough());
        return cursor == null ? new Status(true, endpoint, !settings.secret().isBlank(), null, 0, 0, null, null, null)
                : new Status(true, endpoint, !settings.secret().isBlank(), cursor.deliveredThrough(), pending,
                cursor.failures(), cursor.nextAttemptAt(), cursor.lastError(), cursor.lastDeliveredAt());
    }

    /**
     * Sends what is pending, batch by batch, until caught up or a delivery fails. The first run starts the
     * stream at the newest event: a SIEM gets events from the moment it is connected (exports cover the past).
     */
    public void deliverPending() {
        if (!settings.enabled()) {
            return;
        }
        if (settings.secret().isBlank()) {
            log.error("portal.audit.webhook.url is set but portal.audit.webhook.secret is empty: not delivering");
            return;
        }
        jdbc.update("""
                INSERT INTO audit_webhook_cursor (id, delivered_through)
                SELECT 1, coalesce(max(id), 0) FROM audit_event ON CONFLICT (id) DO NOTHING
                """);
        Cursor cursor = cursor();
        if (cursor.nextAttemptAt() != null && clock.instant().isBefore(cursor.nextAttemptAt())) {
            return;
        }
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
            List<ChainedEvent> events = jdbc.query("SELECT " + AuditRows.COLUMNS
                    + " FROM audit_event WHERE id > ? ORDER BY id LIMIT ?", (rs, n) -> AuditRows.map(rs),
                    cursor.deliveredThrough(), settings.batchSize());
            if (events.isEmpty()) {
                return;
            }
            String problem = send(events);
            if (problem != null) {
                failed(cursor.failures() + 1, problem);
                return;
            }
            long last = events.get(events.size() - 1).id();
            jdbc.update("""
                    UPDATE audit_webhook_cursor SET delivered_through = ?, failures = 0, next_attempt_at = NULL,
                        last_error = NULL, last_delivered_at = ? WHERE id = 1
                    """, last, AuditCriteria.timestamp(clock.instant()));
            cursor = new Cursor(last, 0, null, null, null);
        }
    }

    /** The header value for a body: {@code sha256=} and the hex HMAC-SHA256 under the shared secret. */
    static String signature(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", ex);
        }
    }

    private String send(List<ChainedEvent> events) {
        StringWriter lines = new StringWriter();
        AuditRowWriter writer = AuditExportFormat.JSON_LINES.open(lines);
        try {
            for (ChainedEvent event : events) {
                writer.write(event, "");
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        byte[] body = lines.toString().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.url()))
                .timeout(settings.timeout())
                .header("Content-Type", "application/x-ndjson")
                .header("X-Portal-Signature", signature(settings.secret(), body))
                .header("X-Portal-Events", events.get(0).id() + "-" + events.get(events.size() - 1).id())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? null : "the receiver answered HTTP " + response.statusCode();
        }
        catch (IOException ex) {
            return "could not reach the receiver: " + ex.getMessage();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private void failed(int failures, String problem) {
        long factor = 1L << Math.min(failures - 1, 20);
        Duration wait = FIRST_RETRY.multipliedBy(factor).compareTo(MAX_RETRY) > 0 ? MAX_RETRY
                : FIRST_RETRY.multipliedBy(factor);
        log.warn("Audit webhook delivery failed ({} in a row), next attempt in {}: {}", failures, wait, problem);
        jdbc.update("UPDATE audit_webhook_cursor SET failures = ?, next_attempt_at = ?, last_error = ? WHERE id = 1",
                failures, AuditCriteria.timestamp(clock.instant().plus(wait)), RequestMetadata.truncate(problem, 500));
    }

    private Cursor cursor() {
        return jdbc.query("SELECT * FROM audit_webhook_cursor WHERE id = 1", (rs, n) -> new Cursor(
                rs.getLong("delivered_through"), rs.getInt("failures"), instant(rs.getTimestamp("next_attempt_at")),
                rs.getString("last_error"), instant(rs.getTimestamp("last_delivered_at")))).stream()
                .findFirst().orElse(null);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private record Cursor(long deliveredThrough, int failures, Instant nextAttemptAt, String lastError,
                          Instant lastDeliveredAt) {
    }
}
