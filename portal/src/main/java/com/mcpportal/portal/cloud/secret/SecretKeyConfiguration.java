package com.mcpportal.portal.cloud.secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The portal's secret key ({@code PORTAL_SECRET_KEY}, property {@code portal.secret-key}: 32 random bytes in
 * base64, e.g. {@code openssl rand -base64 32}), which encrypts secrets at rest.
 *
 * <p>Unset, the portal behaves like other self-hosted tools with a local data directory: with the embedded
 * PostgreSQL it generates a key once and keeps it beside the data ({@code portal.secret-key-file}, default
 * {@code data/secret-key}, readable by the owner only), so a developer machine needs no setup. With an external
 * database it refuses to start: a key on the portal's local disk would be lost with the container while the
 * encrypted values live on in the database.
 */
@Configuration(proxyBeanMethods = false)
class SecretKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecretKeyConfiguration.class);

    @Bean
    SecretCipher secretCipher(@Value("${portal.secret-key:}") String configuredKey,
            @Value("${portal.secret-key-file:data/secret-key}") Path keyFile, Environment environment) {
        if (StringUtils.hasText(configuredKey)) {
            return new SecretCipher(decode(configuredKey.trim(), "PORTAL_SECRET_KEY"));
        }
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            throw new IllegalStateException("PORTAL_SECRET_KEY is not set. The portal encrypts secrets at rest with it;"
                    + " with an external database it must be configured, not generated on this machine. Create one with"
                    + " 'openssl rand -base64 32', set it as PORTAL_SECRET_KEY and keep it as safe as the database.");
        }
        return new SecretCipher(localKey(keyFile));
    }

    static byte[] localKey(Path keyFile) {
        try {
            if (Files.exists(keyFile)) {
                return decode(Files.readString(keyFile, StandardCharsets.US_ASCII).trim(), keyFile.toString());
            }
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Path parent = keyFile.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(keyFile, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file inherits the data directory's ACL.
            }
            log.warn("PORTAL_SECRET_KEY is not set: generated a secret key in {}. Back it up with the data directory,"
                    + " or set PORTAL_SECRET_KEY; without it the stored secrets cannot be read.", keyFile.toAbsolutePath());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret key file " + keyFile, e);
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not base64. Create a key with 'openssl rand -base64 32'.");
        }
        if (key.length != 32) {
            throw new IllegalStateException(source + " must be 32 random bytes in base64 (it has " + key.length
                    + "). Create one with 'openssl rand -base64 32'.");
        }
        return key;
    }
}
