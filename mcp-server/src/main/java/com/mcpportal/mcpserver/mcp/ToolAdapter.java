package com.mcpportal.mcpserver.mcp;

import com.mcpportal.mcpserver.http.RequestRecord;
import com.mcpportal.mcpserver.log.JsonLog;
import com.mcpportal.mcpserver.tools.ToolDefinition;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.spec.McpSchema;

import java.util.List;
import java.util.Map;

/**
 * Turns transport-neutral {@link ToolDefinition}s into the SDK's stateful and stateless tool
 * specifications. A handler that throws becomes a tool error the model can read; the exception
 * itself goes only to the log.
 */
final class ToolAdapter {

    private ToolAdapter() {
    }

    static List<McpServerFeatures.SyncToolSpecification> stateful(List<ToolDefinition> tools) {
        return tools.stream().map(definition -> new McpServerFeatures.SyncToolSpecification(definition.tool(),
                (exchange, request) -> call(definition, request, exchange.transportContext()))).toList();
    }

    static List<McpStatelessServerFeatures.SyncToolSpecification> stateless(List<ToolDefinition> tools) {
        return tools.stream().map(definition -> new McpStatelessServerFeatures.SyncToolSpecification(
                definition.tool(), (context, request) -> call(definition, request, context))).toList();
    }

    static McpSchema.CallToolResult call(ToolDefinition definition, McpSchema.CallToolRequest request,
            McpTransportContext context) {
        McpSchema.CallToolResult result;
        try {
            Map<String, Object> arguments = request.arguments() == null ? Map.of() : request.arguments();
            result = definition.handler().call(arguments);
        } catch (RuntimeException | Error e) {
            JsonLog.error("tool_failed", "tool", definition.tool().name(), "error", e.toString());
            result = McpSchema.CallToolResult.builder()
                    .addTextContent("The tool " + definition.tool().name()
                            + " failed unexpectedly. The error was logged on the server; try again later.")
                    .isError(true)
                    .build();
        }
        if (context != null && context.get(RequestRecord.ATTRIBUTE) instanceof RequestRecord record) {
            record.toolOutcome(Boolean.TRUE.equals(result.isError()));
        }
        return result;
    }
}
