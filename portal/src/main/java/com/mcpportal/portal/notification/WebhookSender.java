package com.mcpportal.portal.notification;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * POSTs a message to a Slack, Teams or generic webhook; any 2xx answer means delivered. The generic webhook's body is
 * signed: {@code X-Portal-Signature: sha256=<hex HMAC-SHA256 of "<X-Portal-Timestamp>.<body>" under the channel's
 * secret>}, the timestamp in Unix seconds, so a receiver can refuse replays of old requests. Redirects are not
 * followed: a webhook answers where it is.
 */
@Component
class WebhookSender {

    static final String SIGNATURE = "X-Portal-Signature";
    static final String TIMESTAMP = "X-Portal-Timestamp";

    private final ChannelSecrets secrets;
    private final NotificationSettings settings;
    private final Clock clock;
    private final HttpClient http;

    WebhookSender(ChannelSecrets secrets, NotificationSettings settings, Clock clock) {
        this.secrets = secrets;
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    void send(Channel channel, Delivery delivery) throws DeliveryFailure {
        URI url = secrets.url(channel.id());
        WebhookDestinations.check(url, settings.allowLoopback(), channel.endpoint());
        String body = WebhookMessages.body(channel.kind(), delivery);
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(settings.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (channel.kind() == ChannelKind.WEBHOOK) {
            String timestamp = String.valueOf(clock.instant().getEpochSecond());
            request.header("X-Portal-Event", WebhookMessages.generic(delivery).get("event").toString())
                    .header("X-Portal-Delivery", String.valueOf(delivery.id()))
                    .header(TIMESTAMP, timestamp)
                    .header(SIGNATURE, "sha256=" + sign(secrets.secret(channel.id()), timestamp + "." + body));
        }
        HttpResponse<String> response = post(request.build(), channel.endpoint());
        if (response.statusCode() / 100 != 2) {
            String answer = response.body() == null ? "" : response.body().strip();
            throw new DeliveryFailure("HTTP " + response.statusCode() + " from " + channel.endpoint()
                    + (answer.isEmpty() ? "" : ": " + (answer.length() > 200 ? answer.substring(0, 200) + "…" : answer)));
        }
    }

    private HttpResponse<String> post(HttpRequest request, String endpoint) throws DeliveryFailure {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException slow) {
            throw new DeliveryFailure("No answer from " + endpoint + " within " + settings.timeout().toSeconds() + " s");
        } catch (ConnectException refused) {
            throw new DeliveryFailure("Could not connect to " + endpoint);
        } catch (IOException failed) {
            throw new DeliveryFailure("The call to " + endpoint + " failed: " + failed.getClass().getSimpleName());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("Interrupted while calling " + endpoint);
        }
    }

    static String sign(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
