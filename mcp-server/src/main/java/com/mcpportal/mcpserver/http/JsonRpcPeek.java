package com.mcpportal.mcpserver.http;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * One streaming pass over a request body: checks that it is well-formed JSON and picks out the
 * JSON-RPC method, id and tool name for the request log and for error replies.
 *
 * @param object whether the top level is a JSON object (MCP has no batches any more)
 * @param method JSON-RPC method, or {@code null}
 * @param rawId  the id as JSON text ({@code 7} or {@code "a"}), or {@code null}
 * @param tool   {@code params.name} of a {@code tools/call}, or {@code null}
 */
record JsonRpcPeek(boolean object, @Nullable String method, @Nullable String rawId, @Nullable String tool) {

    private static final JsonFactory FACTORY = new JsonFactory();

    /** @throws IllegalArgumentException if the body is not well-formed JSON */
    static JsonRpcPeek of(byte[] body) {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IllegalArgumentException("empty body");
            }
            if (first != JsonToken.START_OBJECT) {
                parser.skipChildren();
                requireEnd(parser);
                return new JsonRpcPeek(false, null, null, null);
            }
            String method = null;
            String rawId = null;
            String paramsName = null;
            String name;
            while ((name = parser.nextName()) != null) {
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "method" -> method = value == JsonToken.VALUE_STRING ? parser.getString() : null;
                    case "id" -> rawId = idText(parser, value);
                    case "params" -> paramsName = nameInside(parser, value);
                    default -> parser.skipChildren();
                }
            }
            requireEnd(parser);
            return new JsonRpcPeek(true, method, rawId, "tools/call".equals(method) ? paramsName : null);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("malformed JSON");
        }
    }

    private static void requireEnd(JsonParser parser) {
        if (parser.nextToken() != null) {
            throw new IllegalArgumentException("trailing content");
        }
    }

    private static @Nullable String idText(JsonParser parser, JsonToken value) {
        if (value == JsonToken.VALUE_NUMBER_INT) {
            return parser.getString();
        }
        if (value == JsonToken.VALUE_STRING) {
            return com.mcpportal.mcpserver.log.JsonText.quote(parser.getString());
        }
        parser.skipChildren();
        return null;
    }

    private static @Nullable String nameInside(JsonParser parser, JsonToken value) {
        if (value != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return null;
        }
        String found = null;
        String name;
        while ((name = parser.nextName()) != null) {
            JsonToken inner = parser.nextToken();
            if (name.equals("name") && inner == JsonToken.VALUE_STRING) {
                found = parser.getString();
            } else {
                parser.skipChildren();
            }
        }
        return found;
    }
}
