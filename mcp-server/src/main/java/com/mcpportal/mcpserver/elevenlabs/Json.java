package com.mcpportal.mcpserver.elevenlabs;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Jackson's mapper and tree helpers; the tree model keeps reflection off the hot path. The mapper is Jackson's
 * shared default one, as everywhere in this server and in the MCP SDK ({@code McpEndpoints} hands it over): one
 * mapper whose serializers are built once, instead of one per user of JSON.
 */
public final class Json {

    private static final JsonMapper MAPPER = JsonMapper.shared();

    private Json() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    public static JsonNode parse(byte[] body) {
        return MAPPER.readTree(body);
    }

    public static byte[] bytes(JsonNode node) {
        return MAPPER.writeValueAsBytes(node);
    }

    public static String pretty(JsonNode node) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }

    /** Converts tool arguments (maps, lists, scalars) into a tree for a request body. */
    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** A field's string value, or null when it is absent, null or not a scalar. */
    public static @Nullable String text(@Nullable JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isContainer()) {
            return null;
        }
        return value.asString();
    }

    /** An object node as a plain map (see {@link #plain}); anything else as an empty map. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> plainObject(JsonNode node) {
        return node.isObject() ? (Map<String, Object>) Objects.requireNonNull(plain(node)) : Map.of();
    }

    /** Converts a tree into plain maps, lists and scalars, as MCP structured content wants them. */
    public static @Nullable Object plain(@Nullable JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(e -> map.put(e.getKey(), plain(e.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.values().forEach(v -> list.add(plain(v)));
            return list;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.asString();
    }
}
