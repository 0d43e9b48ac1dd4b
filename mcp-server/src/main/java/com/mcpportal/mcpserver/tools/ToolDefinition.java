package com.mcpportal.mcpserver.tools;

import io.modelcontextprotocol.spec.McpSchema;

import java.util.Map;

/**
 * One MCP tool, independent of the transport: its schema and a blocking handler. The server
 * adapts these to the SDK's stateful or stateless tool specifications.
 */
public record ToolDefinition(McpSchema.Tool tool, Handler handler) {

    /** Runs a tool call; failures the client should see come back as results with {@code isError}. */
    @FunctionalInterface
    public interface Handler {
        McpSchema.CallToolResult call(Map<String, Object> arguments);
    }
}
