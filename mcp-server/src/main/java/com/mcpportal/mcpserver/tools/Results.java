package com.mcpportal.mcpserver.tools;

import io.modelcontextprotocol.spec.McpSchema;

import java.util.List;
import java.util.Map;

/** Builds tool results: text, text plus structured content, and errors the client sees. */
final class Results {

    private Results() {
    }

    static McpSchema.CallToolResult error(String message) {
        return McpSchema.CallToolResult.builder().addTextContent(message).isError(true).build();
    }

    static McpSchema.CallToolResult text(String text) {
        return McpSchema.CallToolResult.builder().addTextContent(text).isError(false).build();
    }

    /** Readable text for the model and typed data matching the tool's output schema. */
    static McpSchema.CallToolResult structured(String text, Map<String, Object> data) {
        return McpSchema.CallToolResult.builder().addTextContent(text).structuredContent(data)
                .isError(false).build();
    }

    static McpSchema.CallToolResult contents(List<McpSchema.Content> contents) {
        return McpSchema.CallToolResult.builder().content(contents).isError(false).build();
    }
}
