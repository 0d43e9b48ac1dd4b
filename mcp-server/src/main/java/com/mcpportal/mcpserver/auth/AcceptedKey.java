package com.mcpportal.mcpserver.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One key the server accepts, known only by the SHA-256 of the whole key.
 *
 * @param id           public id, safe to log
 * @param sha256       digest of the key's UTF-8 bytes
 * @param expiresAt    refused from this instant on; {@code null} never expires
 * @param environments environment ids the key is valid for; {@code null} for every environment
 */
public record AcceptedKey(String id, byte[] sha256, @Nullable Instant expiresAt, @Nullable Set<String> environments) {

    private static final HexFormat HEX = HexFormat.of();

    public static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Parses 64 hex digits, or returns {@code null}. */
    public static byte @Nullable [] parseSha256(@Nullable String hex) {
        if (hex == null || hex.length() != 64) {
            return null;
        }
        try {
            return HEX.parseHex(hex);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static String hex(byte[] digest) {
        return HEX.formatHex(digest);
    }

    boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    boolean validFor(@Nullable String environmentId) {
        return environments == null || (environmentId != null && environments.contains(environmentId));
    }
}
