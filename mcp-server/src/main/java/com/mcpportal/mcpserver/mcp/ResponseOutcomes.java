package com.mcpportal.mcpserver.mcp;

import com.mcpportal.mcpserver.http.RequestRecord;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;

import java.io.IOException;

/**
 * Notes in the request record how each answer ends, as the SDK serializes it: a JSON-RPC error
 * (unknown tool, invalid params, internal error …) or a tool result with {@code isError}, including
 * the ones the SDK makes itself when arguments fail the input schema. The SDK answers on the request
 * thread (handlers run immediately), where {@link RequestRecord#current()} is that request's record.
 */
final class ResponseOutcomes extends ForwardingJsonMapper {

    ResponseOutcomes(McpJsonMapper delegate) {
        super(delegate);
    }

    @Override
    public String writeValueAsString(Object value) throws IOException {
        if (value instanceof McpSchema.JSONRPCResponse response) {
            RequestRecord record = RequestRecord.current();
            if (record != null) {
                if (response.error() != null) {
                    Integer code = response.error().code();
                    record.rpcError(code == null ? 0 : code);
                } else if (response.result() instanceof McpSchema.CallToolResult result) {
                    record.toolOutcome(Boolean.TRUE.equals(result.isError()));
                }
            }
        }
        return delegate.writeValueAsString(value);
    }
}
