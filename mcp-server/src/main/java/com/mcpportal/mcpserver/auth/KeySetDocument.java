package com.mcpportal.mcpserver.auth;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Reads the key-set document that the portal publishes (to a file or an SSM SecureString):
 * <pre>{"version":1,"keys":[{"id":"k1","sha256":"&lt;64 hex&gt;","expiresAt":"2026-12-01T00:00:00Z","environments":["env-1"]}]}</pre>
 * {@code expiresAt} and {@code environments} may be {@code null} or absent. A document with any bad
 * entry is rejected whole, so a half-valid set never replaces a good one.
 */
public final class KeySetDocument {

    private static final JsonMapper MAPPER = JsonMapper.shared();

    private KeySetDocument() {
    }

    /** @throws IllegalArgumentException saying what is wrong, without echoing key material */
    public static List<AcceptedKey> parse(String json) {
        Object root;
        try {
            root = MAPPER.readValue(json, Object.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("key set is not valid JSON");
        }
        if (!(root instanceof Map<?, ?> document)) {
            throw new IllegalArgumentException("key set must be a JSON object");
        }
        if (!Integer.valueOf(1).equals(document.get("version"))) {
            throw new IllegalArgumentException("key set version must be 1");
        }
        if (!(document.get("keys") instanceof List<?> entries)) {
            throw new IllegalArgumentException("key set must have a \"keys\" array");
        }
        List<AcceptedKey> keys = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            keys.add(entry(entries.get(i), "keys[" + i + "]"));
        }
        return List.copyOf(keys);
    }

    private static AcceptedKey entry(Object value, String where) {
        if (!(value instanceof Map<?, ?> entry)) {
            throw new IllegalArgumentException(where + " must be an object");
        }
        if (!(entry.get("id") instanceof String id) || id.isBlank() || id.length() > 200) {
            throw new IllegalArgumentException(where + ".id must be a non-empty string");
        }
        byte[] sha256 = entry.get("sha256") instanceof String hex ? AcceptedKey.parseSha256(hex) : null;
        if (sha256 == null) {
            throw new IllegalArgumentException(where + ".sha256 must be 64 hex digits");
        }
        return new AcceptedKey(id, sha256, expiresAt(entry.get("expiresAt"), where),
                environments(entry.get("environments"), where));
    }

    private static @Nullable Instant expiresAt(@Nullable Object value, String where) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse((String) value);
        } catch (ClassCastException | DateTimeParseException e) {
            throw new IllegalArgumentException(where + ".expiresAt must be an ISO-8601 instant or null");
        }
    }

    private static @Nullable Set<String> environments(@Nullable Object value, String where) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> items) || !items.stream().allMatch(String.class::isInstance)) {
            throw new IllegalArgumentException(where + ".environments must be an array of strings or null");
        }
        Set<String> ids = new LinkedHashSet<>();
        items.forEach(item -> ids.add((String) item));
        return Set.copyOf(ids);
    }
}
