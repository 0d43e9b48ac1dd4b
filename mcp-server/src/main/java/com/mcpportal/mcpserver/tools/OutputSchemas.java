package com.mcpportal.mcpserver.tools;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small builders for the JSON schemas of structured tool output. */
final class OutputSchemas {

    private OutputSchemas() {
    }

    /** An object with these properties (name, schema pairs); the first {@code required} are required. */
    static Map<String, Object> object(int required, Object... nameSchemaPairs) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < nameSchemaPairs.length; i += 2) {
            properties.put((String) nameSchemaPairs[i], nameSchemaPairs[i + 1]);
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (required > 0) {
            schema.put("required", List.copyOf(properties.keySet()).subList(0, required));
        }
        return schema;
    }

    static Map<String, Object> arrayOf(Map<String, Object> items) {
        return Map.of("type", "array", "items", items);
    }

    static Map<String, Object> string() {
        return Map.of("type", "string");
    }

    /** Upstream leaves many fields out or null; the schema must accept what ElevenLabs sends. */
    static Map<String, Object> optionalString() {
        return Map.of("type", List.of("string", "null"));
    }

    static Map<String, Object> optionalInteger() {
        return Map.of("type", List.of("integer", "null"));
    }

    static Map<String, Object> optionalBoolean() {
        return Map.of("type", List.of("boolean", "null"));
    }

    static Map<String, Object> anyObject() {
        return Map.of("type", "object");
    }

    static Map<String, Object> optionalObject() {
        return Map.of("type", List.of("object", "null"));
    }
}
