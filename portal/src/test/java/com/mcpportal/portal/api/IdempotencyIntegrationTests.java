package com.mcpportal.portal.api;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import com.mcpportal.portal.web.ConflictException;
import com.mcpportal.portal.web.InvalidInputException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Idempotency component as other features call it, including answers that hold a secret. */
@PortalIntegrationTest
class IdempotencyIntegrationTests {

    @Autowired
    Idempotency idempotency;

    @Autowired
    TestData data;

    @Autowired
    JdbcTemplate jdbc;

    private static MockHttpServletRequest post(String path, String key) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        if (key != null) {
            request.addHeader(Idempotency.HEADER, key);
        }
        return request;
    }

    @Test
    void anAnswerHoldingASecretIsNeverStoredNorReplayed() {
        long user = TestData.principal(data.user("idem-secret")).id();
        AtomicInteger issued = new AtomicInteger();
        Map<String, String> body = Map.of("name", "deploy key");
        String key = TestData.unique("issue");

        ResponseEntity<?> first = idempotency.executeWithoutReplay(post("/api/v1/teams/1/keys", key), user, body,
                () -> ResponseEntity.created(URI.create("/api/v1/teams/1/keys/" + issued.incrementAndGet()))
                        .body(Map.of("key", "mcp_secret_" + issued.get())));
        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT response_body FROM api_idempotency_key WHERE idem_key = ?",
                String.class, key)).isNull();

        assertThatThrownBy(() -> idempotency.executeWithoutReplay(post("/api/v1/teams/1/keys", key), user, body,
                () -> ResponseEntity.ok(Map.of("key", "mcp_secret_" + issued.incrementAndGet()))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("Already issued");
        assertThat(issued).hasValue(1);
    }

    @Test
    void theSameKeyOnAnotherPathIsRefusedAndNoKeyMeansNoBookkeeping() {
        long user = TestData.principal(data.user("idem-path")).id();
        String key = TestData.unique("path");
        AtomicInteger runs = new AtomicInteger();
        idempotency.execute(post("/api/v1/a", key), user, null, () -> ResponseEntity.ok(runs.incrementAndGet()));

        assertThatThrownBy(() -> idempotency.execute(post("/api/v1/b", key), user, null,
                () -> ResponseEntity.ok(runs.incrementAndGet())))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("different request");
        ResponseEntity<?> replay = idempotency.execute(post("/api/v1/a", key), user, null,
                () -> ResponseEntity.ok(runs.incrementAndGet()));
        assertThat(replay.getHeaders().getFirst(Idempotency.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(replay.getBody()).isEqualTo("1");

        idempotency.execute(post("/api/v1/a", null), user, null, () -> ResponseEntity.ok(runs.incrementAndGet()));
        idempotency.execute(post("/api/v1/a", null), user, null, () -> ResponseEntity.ok(runs.incrementAndGet()));
        assertThat(runs).hasValue(3);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_idempotency_key WHERE user_id = ?", Long.class,
                user)).isOne();
    }
}
