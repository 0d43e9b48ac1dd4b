package com.mcpportal.mcpserver.testsupport;

import com.mcpportal.mcpserver.tools.ToolDefinition;
import io.modelcontextprotocol.spec.McpSchema;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Small tools for runtime tests, independent of ElevenLabs. */
public final class TestTools {

    /** What {@code beep} returns: a few bytes that stand in for audio. */
    public static final byte[] BEEP_AUDIO = {0x49, 0x44, 0x33, 0x04, 0x00, 0x7F};

    private static final AtomicInteger SLOW_CALLS_STARTED = new AtomicInteger();

    private TestTools() {
    }

    public static List<ToolDefinition> all() {
        return List.of(echo(), beep(), slow(), boom());
    }

    /** Echoes {@code text} (a required string). */
    public static ToolDefinition echo() {
        return new ToolDefinition(tool("echo", "Echoes the text back.",
                Map.of("text", Map.of("type", "string")), List.of("text")),
                arguments -> McpSchema.CallToolResult.builder()
                        .addTextContent("echo: " + arguments.get("text")).isError(false).build());
    }

    /** Returns MCP audio content, like text_to_speech in resources mode. */
    public static ToolDefinition beep() {
        return new ToolDefinition(tool("beep", "Returns a short sound.", Map.of(), List.of()),
                arguments -> McpSchema.CallToolResult.builder()
                        .addContent(new McpSchema.AudioContent(null, Base64.getEncoder().encodeToString(BEEP_AUDIO), "audio/mpeg"))
                        .isError(false).build());
    }

    /**
     * Takes {@code millis} to answer: an in-flight call for shutdown tests, which wait for
     * {@link #slowCallsStarted()} to grow to know the server is in the middle of one.
     */
    public static ToolDefinition slow() {
        return new ToolDefinition(tool("slow", "Answers after a delay.",
                Map.of("millis", Map.of("type", "integer")), List.of("millis")),
                arguments -> {
                    SLOW_CALLS_STARTED.incrementAndGet();
                    try {
                        Thread.sleep(((Number) arguments.get("millis")).longValue());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return McpSchema.CallToolResult.builder().addTextContent("done").isError(false).build();
                });
    }

    /** How many calls of {@code slow} have started so far, in any server of this JVM. */
    public static int slowCallsStarted() {
        return SLOW_CALLS_STARTED.get();
    }

    /** Throws an exception whose message must never reach the client. */
    public static ToolDefinition boom() {
        return new ToolDefinition(tool("boom", "Always fails.", Map.of(), List.of()),
                arguments -> {
                    throw new IllegalStateException("internal secret detail at io.example.Secret");
                });
    }

    private static McpSchema.Tool tool(String name, String description, Map<String, Object> properties,
            List<String> required) {
        return McpSchema.Tool.builder().name(name).description(description)
                .inputSchema(Map.of("type", "object", "properties", properties, "required", required))
                .build();
    }
}
