package com.mcpportal.portal.apikey.keyset;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mcpportal.portal.apikey.ApiKey;
import com.mcpportal.portal.apikey.ApiKeyFormat;

import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KeySetDocumentTests {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void listsLiveKeysThatCoverTheEnvironmentInTheMcpServersFormat() {
        ApiKey everywhere = key(null, true, Set.of());
        ApiKey here = key(NOW.plusSeconds(3600).plusMillis(250), false, Set.of(7L));
        ApiKey elsewhere = key(null, false, Set.of(8L));
        ApiKey expired = key(NOW.minusSeconds(1), true, Set.of());
        ApiKey revoked = key(null, true, Set.of());
        revoked.revoke("alice", NOW.minusSeconds(5));

        KeySetDocument document = KeySetDocument.of(List.of(everywhere, here, elsewhere, expired, revoked), 7,
                "a1b2c3d4e5f6", NOW);

        Map<?, ?> json = JsonMapper.builder().build().readValue(document.json(), Map.class);
        assertThat(json.get("version")).isEqualTo(1);
        List<?> keys = (List<?>) json.get("keys");
        assertThat(keys).hasSize(2);
        assertThat(document.keyCount()).isEqualTo(2);
        Map<?, ?> scoped = keys.stream().map(Map.class::cast).filter(k -> k.get("id").equals(here.getPublicId()))
                .findFirst().orElseThrow();
        assertThat(scoped.get("sha256")).isEqualTo(here.getSha256());
        assertThat(scoped.get("expiresAt")).isEqualTo("2026-11-25T13:00:00Z");
        assertThat(scoped.get("environments")).isEqualTo(List.of("a1b2c3d4e5f6"));
        Map<?, ?> all = keys.stream().map(Map.class::cast).filter(k -> k.get("id").equals(everywhere.getPublicId()))
                .findFirst().orElseThrow();
        assertThat(all.containsKey("environments")).isTrue();
        assertThat(all.get("environments")).isNull();
        assertThat(all.get("expiresAt")).isNull();
    }

    @Test
    void theSameKeysGiveTheSameTextAndDigestInAnyOrder() {
        ApiKey a = key(null, true, Set.of());
        ApiKey b = key(null, true, Set.of());

        KeySetDocument one = KeySetDocument.of(List.of(a, b), 1, "env1", NOW);
        KeySetDocument other = KeySetDocument.of(List.of(b, a), 1, "env1", NOW);

        assertThat(one.json()).isEqualTo(other.json());
        assertThat(one.digest()).isEqualTo(other.digest()).isEqualTo(ApiKeyFormat.sha256Hex(one.json()));
        assertThat(KeySetDocument.of(List.of(a), 1, "env1", NOW).digest()).isNotEqualTo(one.digest());
    }

    @Test
    void anEmptySetIsTheEmptyDocument() {
        assertThat(KeySetDocument.of(List.of(), 1, "env1", NOW).json()).isEqualTo("{\"version\":1,\"keys\":[]}");
    }

    private static ApiKey key(Instant expiresAt, boolean all, Set<Long> environments) {
        return new ApiKey(1, ApiKeyFormat.MCP.generate(), "test", "alice", NOW.minusSeconds(60), expiresAt, all,
                environments);
    }
}
