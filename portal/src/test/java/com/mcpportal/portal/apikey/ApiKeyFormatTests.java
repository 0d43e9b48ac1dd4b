package com.mcpportal.portal.apikey;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeyFormatTests {

    /** How the MCP server finds the public id of a portal key (mcp-server AuthSettings.PORTAL_KEY). */
    private static final Pattern MCP_SERVER_PORTAL_KEY = Pattern.compile("mcp_([A-Za-z0-9]+)_[A-Za-z0-9_-]+");

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    @Test
    void aKeyHasThePrefixAPublicIdASecretAndAChecksum() {
        PlaintextKey key = ApiKeyFormat.MCP.generate();

        assertThat(key.reveal()).matches("mcp_[0-9A-Za-z]{12}_[0-9A-Za-z]{38}").hasSize(55);
        assertThat(key.reveal()).startsWith("mcp_" + key.publicId() + "_");
        assertThat(ApiKeyFormat.MCP.looksLikeKey(key.reveal())).isTrue();
        assertThat(ApiKeyFormat.MCP.publicIdOf(key.reveal())).contains(key.publicId());
        String body = key.reveal().substring(0, key.reveal().length() - 6);
        assertThat(key.reveal()).endsWith(ApiKeyFormat.checksum(body));
    }

    @Test
    void theMcpServerLogsThePublicIdOfOurKeys() {
        PlaintextKey key = ApiKeyFormat.MCP.generate();
        Matcher matcher = MCP_SERVER_PORTAL_KEY.matcher(key.reveal());

        assertThat(matcher.matches()).isTrue();
        assertThat(matcher.group(1)).isEqualTo(key.publicId());
    }

    @Test
    void keysDoNotRepeatAndUseTheWholeAlphabet() {
        Set<String> keys = new HashSet<>();
        Set<Character> characters = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String key = ApiKeyFormat.MCP.generate().reveal();
            keys.add(key);
            key.substring(4).replace("_", "").chars().forEach(c -> characters.add((char) c));
        }
        assertThat(keys).hasSize(2_000);
        assertThat(characters).hasSize(62);
    }

    /** Any one changed character (a typo, a truncated paste) is caught by the checksum; seeded, so repeatable. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 2026})
    void aChangedCharacterBreaksTheChecksum(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 200; i++) {
            String key = ApiKeyFormat.MCP.generate().reveal();
            int position = 4 + random.nextInt(key.length() - 4);
            if (key.charAt(position) == '_') {
                continue;
            }
            char replacement;
            do {
                replacement = BASE62.charAt(random.nextInt(62));
            } while (replacement == key.charAt(position));
            String typo = key.substring(0, position) + replacement + key.substring(position + 1);

            assertThat(ApiKeyFormat.MCP.looksLikeKey(typo)).as("%s with position %d changed", key, position).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "mcp_", "mcp_short_key", "sk_live_4fT9kQ2bXw7Zh3KqQz01x9Abcdefghijklmnopqrstuv",
            "mcp_4fT9kQ2bXw7Z_h3KqQz01x9Abcdefghijklmnopqrstuvwxyz01", "MCP_4fT9kQ2bXw7Z_h3KqQz01x9Abcdefghijklmnopqrstuvwxyz0"})
    void otherTextIsNotAKey(String text) {
        assertThat(ApiKeyFormat.MCP.looksLikeKey(text)).isFalse();
        assertThat(ApiKeyFormat.MCP.publicIdOf(text)).isEmpty();
    }

    @Test
    void redactionHidesKeysInTextButKeepsTheirPublicId() {
        PlaintextKey key = ApiKeyFormat.MCP.generate();
        String notAKey = "mcp_AAAAAAAAAAAA_" + "B".repeat(38);
        String line = "client sent Bearer " + key.reveal() + ", then {\"k\":\"" + key.reveal() + "\"} and " + notAKey;

        String redacted = ApiKeyFormat.MCP.redact(line);

        assertThat(redacted).doesNotContain(key.reveal())
                .contains("Bearer mcp_" + key.publicId() + "_[redacted],")
                .contains("\"k\":\"mcp_" + key.publicId() + "_[redacted]\"")
                .contains(notAKey);
        assertThat(ApiKeyFormat.MCP.redact("nothing here")).isEqualTo("nothing here");
    }

    @Test
    void theStoredDigestIsThePlainSha256OfTheWholeKey() {
        assertThat(ApiKeyFormat.sha256Hex("test"))
                .isEqualTo("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
        PlaintextKey key = ApiKeyFormat.MCP.generate();
        assertThat(key.sha256()).isEqualTo(ApiKeyFormat.sha256Hex(key.reveal())).matches("[0-9a-f]{64}");
    }

    @Test
    void aPlaintextKeyNeverPrintsItself() {
        PlaintextKey key = ApiKeyFormat.MCP.generate();

        assertThat(key.toString()).contains(key.publicId()).doesNotContain(key.reveal());
        assertThat(new IssuedKey(null, key).toString()).doesNotContain(key.reveal());
    }

    @Test
    void otherTokenKindsReuseTheLayoutWithTheirOwnPrefix() {
        ApiKeyFormat personalTokens = new ApiKeyFormat("mcppat");
        PlaintextKey token = personalTokens.generate();

        assertThat(token.reveal()).startsWith("mcppat_");
        assertThat(personalTokens.looksLikeKey(token.reveal())).isTrue();
        assertThat(ApiKeyFormat.MCP.looksLikeKey(token.reveal())).isFalse();
        assertThatThrownBy(() -> new ApiKeyFormat("my_prefix")).isInstanceOf(IllegalArgumentException.class);
    }
}
