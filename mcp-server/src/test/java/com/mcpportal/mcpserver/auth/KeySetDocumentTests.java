package com.mcpportal.mcpserver.auth;

import com.mcpportal.mcpserver.testsupport.KeySets;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeySetDocumentTests {

    @Test
    void readsEntriesWithOptionalExpiryAndScope() {
        List<AcceptedKey> keys = KeySetDocument.parse(KeySets.document(
                KeySets.entry("k1", "first-key-0123456789"),
                KeySets.entry("k2", "second-key-0123456789", Instant.parse("2026-12-01T00:00:00Z"), List.of("env-1"))));

        assertThat(keys).extracting(AcceptedKey::id).containsExactly("k1", "k2");
        assertThat(keys.get(0).expiresAt()).isNull();
        assertThat(keys.get(0).environments()).isNull();
        assertThat(keys.get(1).expiresAt()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(keys.get(1).environments()).isEqualTo(Set.of("env-1"));
        assertThat(keys.get(1).sha256()).isEqualTo(AcceptedKey.digest("second-key-0123456789"));
    }

    @Test
    void anyBadEntryRejectsTheWholeDocumentWithoutEchoingIt() {
        String good = KeySets.entry("k1", "first-key-0123456789");
        assertThatThrownBy(() -> KeySetDocument.parse(KeySets.document(good, "{\"id\":\"k2\",\"sha256\":\"abc\"}")))
                .hasMessage("keys[1].sha256 must be 64 hex digits");
        assertThatThrownBy(() -> KeySetDocument.parse("{\"version\":2,\"keys\":[]}"))
                .hasMessage("key set version must be 1");
        assertThatThrownBy(() -> KeySetDocument.parse("{\"version\":1}"))
                .hasMessageContaining("\"keys\" array");
        assertThatThrownBy(() -> KeySetDocument.parse("not json {"))
                .hasMessage("key set is not valid JSON");
        assertThatThrownBy(() -> KeySetDocument.parse(KeySets.document(
                "{\"id\":\"k\",\"sha256\":\"" + KeySets.sha256("x") + "\",\"expiresAt\":\"tomorrow\"}")))
                .hasMessageContaining("keys[0].expiresAt");
        assertThatThrownBy(() -> KeySetDocument.parse(KeySets.document(
                "{\"id\":\"k\",\"sha256\":\"" + KeySets.sha256("x") + "\",\"environments\":[1]}")))
                .hasMessageContaining("keys[0].environments");
    }
}
