package com.mcpportal.portal.cloud.secret;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the portal's secret key comes from, and the clear refusals when it cannot be trusted. */
class SecretKeyConfigurationTests {

    private final SecretKeyConfiguration configuration = new SecretKeyConfiguration();

    @Test
    void withTheEmbeddedDatabaseAKeyIsGeneratedOnceOwnerReadableAndReused(@TempDir Path data) throws Exception {
        Path file = data.resolve("nested/secret-key");

        SecretCipher first = configuration.secretCipher("", file, new MockEnvironment());
        String sealed = first.encrypt("value", "ctx");
        SecretCipher second = configuration.secretCipher("", file, new MockEnvironment());

        assertThat(second.decrypt(sealed, "ctx")).isEqualTo("value");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aConfiguredKeyWinsAndMustBe32Bytes(@TempDir Path data) {
        String key = "dGVzdC1vbmx5LXNlY3JldC1rZXktMzItYnl0ZXMhISE=";
        SecretCipher cipher = configuration.secretCipher(key, data.resolve("unused"), new MockEnvironment());

        assertThat(new SecretCipher(java.util.Base64.getDecoder().decode(key)).decrypt(cipher.encrypt("v", "c"), "c"))
                .isEqualTo("v");
        assertThat(data.resolve("unused")).doesNotExist();
        assertThatThrownBy(() -> configuration.secretCipher("c2hvcnQ=", data.resolve("unused"), new MockEnvironment()))
                .hasMessageContaining("must be 32 random bytes").hasMessageContaining("openssl rand -base64 32");
        assertThatThrownBy(() -> configuration.secretCipher("not base64 !", data.resolve("unused"),
                new MockEnvironment())).hasMessageContaining("not base64");
    }

    @Test
    void withAnExternalDatabaseAMissingKeyStopsTheStart(@TempDir Path data) {
        MockEnvironment external = new MockEnvironment().withProperty("spring.datasource.url",
                "jdbc:postgresql://db:5432/portal");

        assertThatThrownBy(() -> configuration.secretCipher("", data.resolve("secret-key"), external))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PORTAL_SECRET_KEY is not set");
        assertThat(data.resolve("secret-key")).doesNotExist();
    }
}
