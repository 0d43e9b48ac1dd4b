package com.mcpportal.portal.apikey.keyset;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mcpportal.portal.apikey.ApiKey;
import com.mcpportal.portal.apikey.ApiKeyFormat;

import tools.jackson.databind.json.JsonMapper;

/**
 * The key-set document one environment's MCP server reads (format: mcp-server/README.md, "API keys"):
 * <pre>{"version":1,"keys":[{"id":"&lt;public id&gt;","sha256":"&lt;hex&gt;","expiresAt":"…"|null,"environments":["&lt;cloud id&gt;"]|null}]}</pre>
 * Only live keys whose scope covers the environment are listed, sorted by public id, so the same keys always give
 * the same text and {@link #digest()} tells whether a republish is needed. A scoped key lists this environment's
 * cloud id alone (the server compares it with {@code MCP_SERVER_ENVIRONMENT_ID}); a key for all environments has
 * {@code null}.
 *
 * @param json     the document
 * @param digest   hex SHA-256 of {@code json}
 * @param keyCount how many keys it lists
 */
record KeySetDocument(String json, String digest, int keyCount) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static KeySetDocument of(List<ApiKey> keys, long environmentId, String cloudId, Instant now) {
        List<Map<String, Object>> entries = new ArrayList<>();
        keys.stream().filter(key -> key.isLive(now) && key.covers(environmentId))
                .sorted(Comparator.comparing(ApiKey::getPublicId)).forEach(key -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("id", key.getPublicId());
                    entry.put("sha256", key.getSha256());
                    entry.put("expiresAt", key.getExpiresAt() == null ? null
                            : key.getExpiresAt().truncatedTo(ChronoUnit.SECONDS).toString());
                    entry.put("environments", key.isAllEnvironments() ? null : List.of(cloudId));
                    entries.add(entry);
                });
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("version", 1);
        document.put("keys", entries);
        String json = JSON.writeValueAsString(document);
        return new KeySetDocument(json, ApiKeyFormat.sha256Hex(json), entries.size());
    }
}
