package com.mcpportal.mcpserver.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;

import java.io.IOException;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The SDK's JSON mapper, remembering the serialized {@code tools/list} result. Clients list tools
 * often and the list (27 tools with long descriptions and schemas, ~36 KB) never changes, yet
 * serializing it was most of the CPU a {@code tools/list} call cost. The cache holds the JSON of
 * one list of tool instances; any other list, or any other message, goes to the delegate. The JSON is
 * {@link ToolListJson}'s where it can write it, so the first call builds no Jackson serializers for the tools.
 */
final class ToolListJsonCache extends ForwardingJsonMapper {

    private record Entry(List<McpSchema.Tool> tools, String json) {
    }

    private volatile @Nullable Entry entry;

    ToolListJsonCache(McpJsonMapper delegate) {
        super(delegate);
    }

    @Override
    public String writeValueAsString(Object value) throws IOException {
        if (value instanceof McpSchema.JSONRPCResponse response && response.error() == null
                && response.result() instanceof McpSchema.ListToolsResult list
                && list.nextCursor() == null && list.meta() == null) {
            return "{\"jsonrpc\":" + delegate.writeValueAsString(response.jsonrpc())
                    + ",\"id\":" + delegate.writeValueAsString(response.id())
                    + ",\"result\":" + resultJson(list) + "}";
        }
        return delegate.writeValueAsString(value);
    }

    private String resultJson(McpSchema.ListToolsResult list) throws IOException {
        Entry current = entry;
        if (current == null || !sameInstances(current.tools(), list.tools())) {
            String json = ToolListJson.write(list.tools());
            current = new Entry(List.copyOf(list.tools()), json != null ? json : delegate.writeValueAsString(list));
            entry = current;
        }
        return current.json();
    }

    /** Tools are immutable records; the same instances in the same order serialize the same. */
    private static boolean sameInstances(List<McpSchema.Tool> cached, List<McpSchema.Tool> tools) {
        if (cached.size() != tools.size()) {
            return false;
        }
        for (int i = 0; i < cached.size(); i++) {
            if (cached.get(i) != tools.get(i)) {
                return false;
            }
        }
        return true;
    }
}
