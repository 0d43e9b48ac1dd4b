package com.mcpportal.mcpserver.mcp;

import io.modelcontextprotocol.spec.McpSchema;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The JSON of a {@code tools/list} result, written directly: through Jackson, the first {@code tools/list} of a
 * fresh server builds serializers for the SDK's tool records (annotation introspection, reflection, proxies), the
 * largest single cost of a cold start's first answer after the JIT. It writes what Jackson writes for the SDK's
 * {@code Tool} and {@code ToolAnnotations}: the same fields in the same order, nulls left out, strings escaped the
 * same way. A tool it cannot write exactly ({@code _meta}, icons, a schema value other than maps, lists, strings,
 * booleans, integers and finite doubles) makes it answer {@code null}, and the caller uses Jackson. ToolListJsonTests
 * holds both to the same bytes for every tool in every output mode.
 */
final class ToolListJson {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ToolListJson() {
    }

    /** {@code {"tools":[…]}}, or {@code null} when a tool has something only Jackson writes. */
    static @Nullable String write(List<McpSchema.Tool> tools) {
        StringBuilder out = new StringBuilder(48 * 1024).append("{\"tools\":[");
        for (int i = 0; i < tools.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            if (!tool(out, tools.get(i))) {
                return null;
            }
        }
        return out.append("]}").toString();
    }

    private static boolean tool(StringBuilder out, McpSchema.Tool tool) {
        if (tool.meta() != null || tool.icons() != null) {
            return false;
        }
        out.append('{');
        Fields fields = new Fields(out);
        fields.string("name", tool.name());
        fields.string("title", tool.title());
        fields.string("description", tool.description());
        if (!fields.value("inputSchema", tool.inputSchema()) || !fields.value("outputSchema", tool.outputSchema())) {
            return false;
        }
        McpSchema.ToolAnnotations annotations = tool.annotations();
        if (annotations != null) {
            fields.name("annotations");
            out.append('{');
            Fields hints = new Fields(out);
            hints.string("title", annotations.title());
            hints.value("readOnlyHint", annotations.readOnlyHint());
            hints.value("destructiveHint", annotations.destructiveHint());
            hints.value("idempotentHint", annotations.idempotentHint());
            hints.value("openWorldHint", annotations.openWorldHint());
            hints.value("returnDirect", annotations.returnDirect());
            out.append('}');
        }
        out.append('}');
        return true;
    }

    /** The members of one object: each non-null one written as {@code "name":value}, commas between. */
    private static final class Fields {
        private final StringBuilder out;
        private boolean first = true;

        Fields(StringBuilder out) {
            this.out = out;
        }

        void name(String name) {
            if (!first) {
                out.append(',');
            }
            first = false;
            quote(out, name).append(':');
        }

        void string(String name, String value) {
            if (value != null) {
                name(name);
                quote(out, value);
            }
        }

        boolean value(String name, Object value) {
            if (value == null) {
                return true;
            }
            name(name);
            return ToolListJson.value(out, value);
        }
    }

    private static boolean value(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            quote(out, text);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof Double number && Double.isFinite(number)) {
            out.append(number.doubleValue());
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    return false;
                }
                if (!first) {
                    out.append(',');
                }
                first = false;
                quote(out, key).append(':');
                if (!value(out, entry.getValue())) {
                    return false;
                }
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                if (!value(out, list.get(i))) {
                    return false;
                }
            }
            out.append(']');
        } else {
            return false;
        }
        return true;
    }

    /** As Jackson escapes: quote, backslash, five short control escapes, other controls in hex. */
    private static StringBuilder quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
