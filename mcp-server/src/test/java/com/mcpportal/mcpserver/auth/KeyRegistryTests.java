package com.mcpportal.mcpserver.auth;

import com.mcpportal.mcpserver.testsupport.KeySets;
import com.mcpportal.mcpserver.testsupport.LogCapture;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyRegistryTests {

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
        KeyRegistry registry = new KeyRegistry(List.of(), source);
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
        KeyRegistry registry = new KeyRegistry(List.of(), source);
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
        KeyRegistry registry = new KeyRegistry(List.of(), source);
        assertThatThrownBy(registry::loadInitial).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("TEST_SOURCE: cannot load the key set: parameter not found");
    }

    @Test
    void fixedKeysStayAcrossReloads() {
        published.set(KeySets.document());
        KeyRegistry registry = new KeyRegistry(
                List.of(new AcceptedKey("env", AcceptedKey.digest("fixed-key-0123456789"), null, null)), source);
        registry.loadInitial();
        registry.reload();
        assertThat(registry.find(AcceptedKey.digest("fixed-key-0123456789"))).isPresent();
        assertThat(registry.size()).isEqualTo(1);
    }
}
