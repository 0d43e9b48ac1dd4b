package com.mcpportal.mcpserver.mcp;

import com.mcpportal.mcpserver.elevenlabs.ElevenLabsSettings;
import com.mcpportal.mcpserver.tools.ElevenLabsToolset;
import com.mcpportal.mcpserver.tools.ToolDefinition;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check the SDK would make at start-up (every tool schema is valid JSON Schema), made here
 * instead, because the server loads the schema validator lazily.
 */
class ToolSchemaTests {

    @Test
    void everyToolSchemaIsValidJsonSchema() {
        JsonSchemaValidator validator = McpJsonDefaults.getSchemaValidator();
        List<ToolDefinition> tools = new ElevenLabsToolset(ElevenLabsSettings.fromEnvironment(
                Map.of("ELEVENLABS_API_KEY", "schema-test"))).tools();

        assertThat(tools).hasSize(27);
        for (ToolDefinition definition : tools) {
            assertThat(validator.validateSchema(definition.tool().inputSchema()).valid())
                    .as(definition.tool().name() + " inputSchema").isTrue();
            if (definition.tool().outputSchema() != null) {
                assertThat(validator.validateSchema(definition.tool().outputSchema()).valid())
                        .as(definition.tool().name() + " outputSchema").isTrue();
            }
        }
    }

    @Test
    void lazyValidatorStillRejectsBadArguments() {
        LazySchemaValidator lazy = new LazySchemaValidator();
        Map<String, Object> schema = Map.of("type", "object", "properties", Map.of("text", Map.of("type", "string")),
                "required", List.of("text"));
        assertThat(lazy.validate(schema, Map.of("text", "hi")).valid()).isTrue();
        assertThat(lazy.validate(schema, Map.of("text", 5)).valid()).isFalse();
    }
}
