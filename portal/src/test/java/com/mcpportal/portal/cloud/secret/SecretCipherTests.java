package com.mcpportal.portal.cloud.secret;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Secrets at rest: readable only with the same key and for the same row. */
class SecretCipherTests {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final SecretCipher cipher = new SecretCipher(KEY);

    @Test
    void aSealedValueOpensWithTheSameKeyAndContextOnly() {
        String sealed = cipher.encrypt("xi-elevenlabs-secret", "environment:1:elevenlabs-api-key");

        assertThat(sealed).startsWith("v1:").doesNotContain("xi-elevenlabs-secret");
        assertThat(cipher.decrypt(sealed, "environment:1:elevenlabs-api-key")).isEqualTo("xi-elevenlabs-secret");
        assertThatThrownBy(() -> cipher.decrypt(sealed, "environment:2:elevenlabs-api-key"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PORTAL_SECRET_KEY");
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;
        assertThatThrownBy(() -> new SecretCipher(otherKey).decrypt(sealed, "environment:1:elevenlabs-api-key"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyEncryptionUsesAFreshNonceAndTamperingIsDetected() {
        String first = cipher.encrypt("same", "ctx");
        String second = cipher.encrypt("same", "ctx");
        assertThat(first).isNotEqualTo(second);

        byte[] bytes = Base64.getDecoder().decode(first.substring(3));
        bytes[bytes.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(bytes);
        assertThatThrownBy(() -> cipher.decrypt(tampered, "ctx")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt("plain text", "ctx")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onlyA256BitKeyIsAccepted() {
        assertThatThrownBy(() -> new SecretCipher(Arrays.copyOf(KEY, 16))).isInstanceOf(IllegalArgumentException.class);
    }
}
