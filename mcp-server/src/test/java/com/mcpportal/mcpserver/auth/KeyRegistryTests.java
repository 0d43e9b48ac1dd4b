package com.mcpportal.mcpserver.auth;

import com.mcpportal.mcpserver.testsupport.KeySets;
import com.mcpportal.mcpserver.testsupport.LogCapture;
import com.mcpportal.mcpserver.testsupport.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyRegistryTests {

    private static final Duration MAX_STALE = Duration.ofMinutes(5);
    private final TestClock clock = new TestClock(Instant.parse("2026-06-01T12:00:00Z"));

    private final AtomicReference<String> published = new AtomicReference<>();
    private final KeySetSource source = new KeySetSource() {
        @Override
        public String read() {
            String document = published.get();
            if (document == null) {
                throw new IllegalStateException("parameter not found");
            }
            return document;
        }

        @Override
        public String describe() {
            return "TEST_SOURCE";
        }
    };

    @Test
    void reloadPicksUpNewKeysAndDropsRevokedOnes() {
        published.set(KeySets.document(KeySets.entry("a", "key-a-0123456789"), KeySets.entry("b", "key-b-0123456789")));
        KeyRegistry registry = new KeyRegistry(List.of(), source, MAX_STALE, clock);
        registry.loadInitial();
        assertThat(registry.find(AcceptedKey.digest("key-a-0123456789"))).map(AcceptedKey::id).contains("a");

        published.set(KeySets.document(KeySets.entry("b", "key-b-0123456789"), KeySets.entry("c", "key-c-0123456789")));
        assertThat(registry.reload()).isTrue();

        assertThat(registry.find(AcceptedKey.digest("key-a-0123456789"))).isEmpty();
        assertThat(registry.find(AcceptedKey.digest("key-c-0123456789"))).map(AcceptedKey::id).contains("c");
    }

    @Test
    void unreadableOrInvalidDocumentKeepsTheLastGoodSetAndIsLogged() {
        published.set(KeySets.document(KeySets.entry("a", "key-a-0123456789")));
        KeyRegistry registry = new KeyRegistry(List.of(), source, MAX_STALE, clock);
        registry.loadInitial();

        try (LogCapture log = LogCapture.start()) {
            published.set("{\"version\":1,\"keys\":[{\"id\":\"x\"}]}");
            assertThat(registry.reload()).isFalse();
            published.set(null);
            assertThat(registry.reload()).isFalse();

            assertThat(log.lines()).filteredOn(line -> line.contains("key_set_reload_failed")).hasSize(2);
            assertThat(log.text()).contains("keys[0].sha256", "parameter not found", "\"keys_kept\":1");
        }
        assertThat(registry.find(AcceptedKey.digest("key-a-0123456789"))).isPresent();
    }

    @Test
    void initialLoadFailureNamesTheSource() {
        KeyRegistry registry = new KeyRegistry(List.of(), source, MAX_STALE, clock);
        assertThatThrownBy(registry::loadInitial).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("TEST_SOURCE: cannot load the key set: parameter not found");
    }

    @Test
    void fixedKeysStayAcrossReloads() {
        published.set(KeySets.document());
        KeyRegistry registry = new KeyRegistry(
                List.of(new AcceptedKey("env", AcceptedKey.digest("fixed-key-0123456789"), null, null)), source,
                MAX_STALE, clock);
        registry.loadInitial();
        registry.reload();
        assertThat(registry.find(AcceptedKey.digest("fixed-key-0123456789"))).isPresent();
        assertThat(registry.size()).isEqualTo(1);
    }

    @Test
    void aSetThatCannotBeReloadedIsTrustedForTheMaximumAgeThenItsKeysAreRefused() {
        published.set(KeySets.document(KeySets.entry("a", "key-a-0123456789")));
        KeyRegistry registry = new KeyRegistry(
                List.of(new AcceptedKey("env", AcceptedKey.digest("fixed-key-0123456789"), null, null)), source,
                MAX_STALE, clock);
        registry.loadInitial();
        published.set(null);

        try (LogCapture log = LogCapture.start()) {
            clock.advance(Duration.ofMinutes(5));
            assertThat(registry.reload()).isFalse();
            assertThat(registry.stale()).isFalse();
            assertThat(registry.find(AcceptedKey.digest("key-a-0123456789"))).isPresent();
            assertThat(log.text()).contains("key_set_reload_failed").doesNotContain("key_set_stale");

            clock.advance(Duration.ofSeconds(1));
            assertThat(registry.stale()).isTrue();
            assertThat(registry.find(AcceptedKey.digest("key-a-0123456789"))).isEmpty();
            assertThat(registry.find(AcceptedKey.digest("fixed-key-0123456789"))).as("fixed keys never go stale").isPresent();
            assertThat(registry.reload()).isFalse();
            assertThat(log.lines()).filteredOn(line -> line.contains("\"event\":\"key_set_stale\"")).singleElement()
                    .asString().contains("\"level\":\"ERROR\"", "\"last_loaded\":\"2026-06-01T12:00:00Z\"",
                            "\"max_stale_seconds\":300", "\"keys_refused\":1", "parameter not found");
        }

        try (LogCapture log = LogCapture.start()) {
            published.set(KeySets.document(KeySets.entry("a", "key-a-0123456789")));
            clock.advance(Duration.ofMinutes(2));  // stale since 5 min after the load, now 7 min 1 s after it
            assertThat(registry.reload()).isTrue();

            assertThat(registry.stale()).isFalse();
            assertThat(registry.find(AcceptedKey.digest("key-a-0123456789"))).isPresent();
            assertThat(log.text()).contains("\"event\":\"key_set_recovered\"", "\"stale_seconds\":121");
        }
    }

    @Test
    void aStaleReloadCarriesTheMetricWhenMetricsAreOn() {
        published.set(KeySets.document());
        KeyRegistry registry = new KeyRegistry(List.of(), source, MAX_STALE, clock);
        registry.loadInitial();
        registry.startRefreshing(Duration.ofDays(1), (line, millis) -> line.append(",\"KeySetStale\":1,\"at\":").append(millis));
        published.set(null);
        clock.advance(Duration.ofMinutes(6));

        try (LogCapture log = LogCapture.start()) {
            registry.reload();
            assertThat(log.text()).contains("\"KeySetStale\":1,\"at\":" + clock.millis() + "}");
        } finally {
            registry.close();
        }
    }

    @Test
    void anUnchangedDocumentIsASuccessfulReload() {
        published.set(KeySets.document(KeySets.entry("a", "key-a-0123456789")));
        KeyRegistry registry = new KeyRegistry(List.of(), source, MAX_STALE, clock);
        registry.loadInitial();
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofMinutes(4));
            assertThat(registry.reload()).isTrue();
        }
        assertThat(registry.stale()).isFalse();
        assertThat(registry.find(AcceptedKey.digest("key-a-0123456789"))).isPresent();
    }
}
