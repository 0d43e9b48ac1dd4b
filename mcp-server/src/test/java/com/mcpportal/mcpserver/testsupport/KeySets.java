package com.mcpportal.mcpserver.testsupport;

import com.mcpportal.mcpserver.auth.AcceptedKey;
import com.mcpportal.mcpserver.log.JsonText;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Key-set documents as the portal writes them. */
public final class KeySets {

    private KeySets() {
    }

    /** One entry; {@code expiresAt} and {@code environments} may be null. */
    public static String entry(String id, String key, Instant expiresAt, List<String> environments) {
        String envs = environments == null ? "null"
                : environments.stream().map(JsonText::quote).collect(Collectors.joining(",", "[", "]"));
        return "{\"id\":" + JsonText.quote(id) + ",\"sha256\":\"" + sha256(key) + "\",\"expiresAt\":"
                + (expiresAt == null ? "null" : JsonText.quote(expiresAt.toString())) + ",\"environments\":" + envs + "}";
    }

    public static String entry(String id, String key) {
        return entry(id, key, null, null);
    }

    public static String document(String... entries) {
        return "{\"version\":1,\"keys\":[" + String.join(",", Arrays.asList(entries)) + "]}";
    }

    public static String sha256(String key) {
        return AcceptedKey.hex(AcceptedKey.digest(key));
    }
}
