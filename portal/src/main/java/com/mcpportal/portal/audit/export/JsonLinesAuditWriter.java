package com.mcpportal.portal.audit.export;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;

import com.mcpportal.portal.audit.ChainedEvent;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

/**
 * JSON Lines: one JSON object per event and line, with every column the hash covers, so the file can be checked
 * against the chain later (pruning archives use it too). {@code details} is the stored JSON itself, not a string.
 */
final class JsonLinesAuditWriter implements AuditRowWriter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Writer out;

    JsonLinesAuditWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void write(ChainedEvent event, String teamName) throws IOException {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", event.id());
        line.put("occurredAt", event.occurredAt().toString());
        line.put("actor", event.actor());
        line.put("teamId", event.teamId());
        if (teamName != null && !teamName.isEmpty()) {
            line.put("team", teamName);
        }
        line.put("action", event.action());
        line.put("targetType", event.targetType());
        line.put("targetId", event.targetId());
        line.put("outcome", event.outcome().name());
        line.put("clientIp", event.clientIp());
        line.put("userAgent", event.userAgent());
        line.put("details", new RawValue(event.details()));
        line.put("prevHash", event.prevHash());
        line.put("hash", event.hash());
        out.write(JSON.writeValueAsString(line));
        out.write('\n');
    }
}
