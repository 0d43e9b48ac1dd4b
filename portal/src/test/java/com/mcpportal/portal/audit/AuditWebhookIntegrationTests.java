package com.mcpportal.portal.audit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.mcpportal.portal.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/** Streaming to a SIEM: signed batches of new events, and a failed delivery retried later without losing any. */
class AuditWebhookIntegrationTests extends TimedAuditTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    AuditWebhook webhook;

    @Autowired
    AuditLog auditLog;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestData data;

    @Test
    void newEventsArriveSignedAndAFailedDeliveryIsRetriedWithBackoffWithoutLosingAny() throws Exception {
        webhook.deliverPending(); // the first run starts the stream at the newest event
        webhook.deliverPending();
        RECEIVER.deliveries.clear();

        long first = auditLog.record(AuditEntry.success("test.siem.one").detail("note", "Zoë ✓"));
        long second = auditLog.record(AuditEntry.denied("test.siem.two").team(42L));
        webhook.deliverPending();

        assertThat(RECEIVER.deliveries).hasSize(1);
        Delivery delivery = RECEIVER.deliveries.get(0);
        assertThat(delivery.header("Content-Type")).isEqualTo("application/x-ndjson");
        assertThat(delivery.header("X-Portal-Signature")).isEqualTo("sha256=" + hmac(delivery.body()));
        assertThat(delivery.header("X-Portal-Events")).isEqualTo(first + "-" + second);
        List<JsonNode> events = lines(delivery);
        assertThat(events).extracting(event -> event.path("id").asLong()).containsExactly(first, second);
        assertThat(events.get(0).path("details").path("note").asString()).isEqualTo("Zoë ✓");
        assertThat(events.get(1).path("outcome").asString()).isEqualTo("DENIED");

        RECEIVER.nextStatus.set(503);
        long third = auditLog.record(AuditEntry.success("test.siem.three"));
        webhook.deliverPending();
        assertThat(RECEIVER.deliveries).hasSize(2);
        AuditWebhook.Status failing = webhook.status();
        assertThat(failing.failures()).isEqualTo(1);
        assertThat(failing.lastError()).isEqualTo("the receiver answered HTTP 503");
        assertThat(failing.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(5));
        assertThat(failing.deliveredThrough()).isEqualTo(second);
        mvc.perform(get("/admin/audit/retention").with(user(TestData.principal(data.admin()))))
                .andExpect(content().string(allOf(containsString("1 attempts in a row; last: the receiver answered HTTP 503"),
                        containsString("http://localhost:" + RECEIVER.port()), not(containsString("/siem/events")),
                        not(containsString(SECRET)))));

        long fourth = auditLog.record(AuditEntry.success("test.siem.four"));
        webhook.deliverPending();
        assertThat(RECEIVER.deliveries).as("not due yet: backing off").hasSize(2);

        clock.advance(Duration.ofSeconds(6));
        webhook.deliverPending();
        assertThat(RECEIVER.deliveries).hasSize(3);
        assertThat(lines(RECEIVER.deliveries.get(2))).extracting(event -> event.path("id").asLong())
                .containsExactly(third, fourth);
        AuditWebhook.Status caughtUp = webhook.status();
        assertThat(caughtUp.failures()).isZero();
        assertThat(caughtUp.deliveredThrough()).isEqualTo(fourth);
        assertThat(caughtUp.pending()).isZero();
        assertThat(caughtUp.lastDeliveredAt()).isEqualTo(clock.instant());
    }

    private static List<JsonNode> lines(Delivery delivery) {
        return new String(delivery.body(), StandardCharsets.UTF_8).lines().map(JSON::readTree).toList();
    }

    private static String hmac(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
