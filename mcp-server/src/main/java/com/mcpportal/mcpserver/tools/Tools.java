package com.mcpportal.mcpserver.tools;

import com.mcpportal.mcpserver.elevenlabs.ElevenLabsException;
import io.modelcontextprotocol.spec.McpSchema;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.function.Function;

/**
 * Turns a tool's declaration and body into a {@link ToolDefinition} whose handler never throws:
 * bad arguments, ElevenLabs errors and bugs all come back as results with {@code isError}.
 */
final class Tools {

    private static final Logger log = LoggerFactory.getLogger(Tools.class);

    /** The official server's annotations: what a tool does to the world. */
    enum Effect {
        /** Reads or generates without changing the account (the official server marks TTS so too). */
        READS(new McpSchema.ToolAnnotations(null, true, false, null, true, null)),
        /** Creates something in the ElevenLabs account (agent, voice, document). */
        CREATES(new McpSchema.ToolAnnotations(null, false, false, null, true, null)),
        /** Acts on the outside world in a way that cannot be undone (a phone call). */
        DESTRUCTIVE(new McpSchema.ToolAnnotations(null, false, true, null, true, null));

        private final McpSchema.ToolAnnotations annotations;

        Effect(McpSchema.ToolAnnotations annotations) {
            this.annotations = annotations;
        }

        McpSchema.ToolAnnotations annotations(String title) {
            return new McpSchema.ToolAnnotations(title, annotations.readOnlyHint(),
                    annotations.destructiveHint(), annotations.idempotentHint(), annotations.openWorldHint(),
                    null);
        }
    }

    private Tools() {
    }

    static ToolDefinition define(String name, String title, String description, Params params, Effect effect,
                                 Function<Arguments, McpSchema.CallToolResult> body) {
        return define(name, title, description, params, effect, null, body);
    }

    static ToolDefinition define(String name, String title, String description, Params params, Effect effect,
                                 @Nullable Map<String, Object> outputSchema,
                                 Function<Arguments, McpSchema.CallToolResult> body) {
        McpSchema.Tool tool = McpSchema.Tool.builder()
                .name(name)
                .title(title)
                .description(description)
                .inputSchema(params.schema())
                .outputSchema(outputSchema)
                .annotations(effect.annotations(title))
                .build();
        return new ToolDefinition(tool, arguments -> run(name, params, body, arguments));
    }

    private static McpSchema.CallToolResult run(String name, Params params,
                                                Function<Arguments, McpSchema.CallToolResult> body,
                                                Map<String, Object> raw) {
        try {
            return body.apply(params.read(raw == null ? Map.of() : raw));
        } catch (ToolInputException e) {
            return Results.error(e.getMessage());
        } catch (ElevenLabsException e) {
            return Results.error(e.describe());
        } catch (RuntimeException e) {
            // A bug, not the caller's fault: keep the details in the log, not in the answer.
            log.error("tool {} failed", name, e);
            return Results.error("Internal error in tool " + name + ". The server log has the details.");
        }
    }
}
