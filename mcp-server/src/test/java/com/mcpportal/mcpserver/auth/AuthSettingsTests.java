package com.mcpportal.mcpserver.auth;

import com.mcpportal.mcpserver.Env;
import com.mcpportal.mcpserver.testsupport.KeySets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthSettingsTests {

    @Test
    void noKeySourceIsRefusedUnlessAuthIsExplicitlyDisabled() {
        assertThatThrownBy(() -> settings(Map.of()))
                .hasMessageStartingWith("MCP_SERVER_API_KEY is not set")
                .hasMessageContaining("MCP_SERVER_AUTH=disabled")
                .matches(e -> !e.getMessage().contains("\n"));

        AuthSettings disabled = settings(Map.of("MCP_SERVER_AUTH", "disabled"));
        assertThat(disabled.disabled()).isTrue();
        assertThat(disabled.describeSources()).isEqualTo("disabled");
    }

    @Test
    void plainKeyGetsThePublicIdOfAPortalKey() {
        assertThat(settings(Map.of("MCP_SERVER_API_KEY", "mcp_ab12cd_0123456789abcdef")).fixedKeys())
                .extracting(AcceptedKey::id).containsExactly("ab12cd");
        assertThat(settings(Map.of("MCP_SERVER_API_KEY", "a-hand-made-key-0123")).fixedKeys())
                .extracting(AcceptedKey::id).containsExactly("env");
        assertThatThrownBy(() -> settings(Map.of("MCP_SERVER_API_KEY", "short")))
                .hasMessageStartingWith("MCP_SERVER_API_KEY must be at least 16 characters");
    }

    @Test
    void hashesAreValidatedAndNamedByTheirPrefix() {
        String hash = KeySets.sha256("hashed-key-0123456789");
        assertThat(settings(Map.of("MCP_SERVER_API_KEY_HASHES", " " + hash.toUpperCase() + " ,")).fixedKeys())
                .extracting(AcceptedKey::id).containsExactly("sha256:" + hash.substring(0, 12));
        assertThatThrownBy(() -> settings(Map.of("MCP_SERVER_API_KEY_HASHES", hash + ",xyz")))
                .hasMessageStartingWith("MCP_SERVER_API_KEY_HASHES item 2");
    }

    @Test
    void everyBadValueNamesItsVariable(@TempDir Path dir) {
        Map<String, String> key = Map.of("MCP_SERVER_API_KEY", "a-hand-made-key-0123");
        assertThatThrownBy(() -> settings(with(key, "MCP_SERVER_AUTH", "maybe"))).hasMessageStartingWith("MCP_SERVER_AUTH ");
        assertThatThrownBy(() -> settings(with(key, "MCP_SERVER_ALLOWED_CIDRS", "10.0.0.0/8,bogus")))
                .hasMessageStartingWith("MCP_SERVER_ALLOWED_CIDRS");
        assertThatThrownBy(() -> settings(with(key, "MCP_SERVER_TRUSTED_PROXIES", "10.0.0.0/99")))
                .hasMessageStartingWith("MCP_SERVER_TRUSTED_PROXIES");
        assertThatThrownBy(() -> settings(with(key, "MCP_SERVER_KEYS_REFRESH_SECONDS", "0")))
                .hasMessageStartingWith("MCP_SERVER_KEYS_REFRESH_SECONDS");
        assertThatThrownBy(() -> settings(with(key, "MCP_SERVER_KEYS_FILE", dir.resolve("missing.json").toString())))
                .hasMessageStartingWith("MCP_SERVER_KEYS_FILE is not a readable file");
        assertThatThrownBy(() -> settings(Map.of("MCP_SERVER_KEYS_FILE", dir.toString(),
                "MCP_SERVER_KEYS_SSM_PARAMETER", "/mcp/keys"))).hasMessageStartingWith("MCP_SERVER_KEYS_FILE and");
    }

    @Test
    void defaultsAreDocumentedOnes() {
        AuthSettings settings = settings(Map.of("MCP_SERVER_API_KEY", "a-hand-made-key-0123"));
        assertThat(settings.refresh()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.maxStale()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.maxFailures()).isEqualTo(10);
        assertThat(settings.failureWindow()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.allowedCidrs()).isEmpty();
    }

    @Test
    void theMaximumAgeOfTheKeySetIsAtLeastTwoRefreshPeriods() {
        Map<String, String> key = Map.of("MCP_SERVER_API_KEY", "a-hand-made-key-0123");
        assertThat(settings(with(key, "MCP_SERVER_KEYS_MAX_STALE_SECONDS", "120")).maxStale()).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings(with(key, "MCP_SERVER_KEYS_REFRESH_SECONDS", "600")).maxStale())
                .as("a long refresh period stretches the default").isEqualTo(Duration.ofMinutes(20));
        assertThatThrownBy(() -> settings(with(key, "MCP_SERVER_KEYS_MAX_STALE_SECONDS", "59")))
                .hasMessage("MCP_SERVER_KEYS_MAX_STALE_SECONDS must be at least twice MCP_SERVER_KEYS_REFRESH_SECONDS (60), got 59");
        assertThatThrownBy(() -> settings(with(key, "MCP_SERVER_KEYS_MAX_STALE_SECONDS", "forever")))
                .hasMessageStartingWith("MCP_SERVER_KEYS_MAX_STALE_SECONDS must be a whole number");
    }

    private static AuthSettings settings(Map<String, String> vars) {
        return AuthSettings.fromEnvironment(new Env(vars));
    }

    private static Map<String, String> with(Map<String, String> base, String name, String value) {
        java.util.HashMap<String, String> vars = new java.util.HashMap<>(base);
        vars.put(name, value);
        return vars;
    }
}
