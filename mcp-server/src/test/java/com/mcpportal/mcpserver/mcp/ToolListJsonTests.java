package com.mcpportal.mcpserver.mcp;

import com.mcpportal.mcpserver.elevenlabs.ElevenLabsSettings;
import com.mcpportal.mcpserver.tools.ElevenLabsToolset;
import com.mcpportal.mcpserver.tools.ToolDefinition;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The tool list written without Jackson is the very JSON Jackson writes, or it is left to Jackson. */
class ToolListJsonTests {

    private final McpJsonMapper jackson = new JacksonMcpJsonMapper(JsonMapper.shared());

    @Test
    void everyToolInEveryOutputModeIsWrittenAsJacksonWritesIt() throws Exception {
        for (String mode : List.of("resources", "files", "both")) {
            List<McpSchema.Tool> tools = new ElevenLabsToolset(ElevenLabsSettings.fromEnvironment(Map.of(
                    "ELEVENLABS_API_KEY", "json-test", "ELEVENLABS_MCP_OUTPUT_MODE", mode))).tools().stream()
                    .map(ToolDefinition::tool).toList();

            assertThat(tools).as(mode).hasSize(27);
            assertThat(ToolListJson.write(tools)).as(mode).isEqualTo(jacksonJson(tools));
        }
    }

    @Test
    void escapesNumbersNestingAndEveryAnnotationAreWrittenAsJacksonWritesThem() throws Exception {
        Map<String, Object> property = new LinkedHashMap<>();
        property.put("type", "number");
        property.put("description", "quote \" backslash \\ newline \n tab \t cr \r bell \u0007 bs \b ff \f nul \u0000"
                + " unit separator \u001f line separator \u2028 umlaut ä emoji \uD83D\uDE00 slash / del \u007f");
        property.put("minimum", 0.0);
        property.put("maximum", 1.0E21);
        property.put("multipleOf", 1.0E-4);
        property.put("default", 0.5);
        property.put("maxLength", 5_000);
        property.put("big", 12_345_678_901L);
        property.put("nothing", null);
        property.put("examples", List.of(List.of(), Map.of(), List.of(true, false, -3)));
        Map<String, Object> schema = new HashMap<>(Map.of("type", "object", "properties", Map.of("x", property)));
        McpSchema.Tool everything = McpSchema.Tool.builder().name("every_field").title("Every \"field\"")
                .description("All of it").inputSchema(schema).outputSchema(Map.of("type", "object"))
                .annotations(new McpSchema.ToolAnnotations("Hints", true, false, true, false, true)).build();
        McpSchema.Tool bare = McpSchema.Tool.builder().name("bare").inputSchema(Map.of("type", "object")).build();
        List<McpSchema.Tool> tools = List.of(everything, bare);

        assertThat(ToolListJson.write(tools)).isEqualTo(jacksonJson(tools));
    }

    @Test
    void toolsWithFieldsItDoesNotWriteAreLeftToJackson() throws Exception {
        McpSchema.Tool withMeta = McpSchema.Tool.builder().name("meta").inputSchema(Map.of("type", "object"))
                .meta(Map.of("k", "v")).build();
        McpSchema.Tool withOddValue = McpSchema.Tool.builder().name("odd")
                .inputSchema(Map.of("type", "object", "maximum", new java.math.BigDecimal("1.50"))).build();
        McpSchema.Tool withNaN = McpSchema.Tool.builder().name("nan")
                .inputSchema(Map.of("type", "object", "maximum", Double.NaN)).build();

        for (McpSchema.Tool tool : List.of(withMeta, withOddValue, withNaN)) {
            assertThat(ToolListJson.write(List.of(tool))).as(tool.name()).isNull();
        }
        // Through the cache, such a list still answers Jackson's JSON.
        ToolListJsonCache cache = new ToolListJsonCache(jackson);
        List<McpSchema.Tool> tools = new ArrayList<>(Arrays.asList(withMeta, withOddValue));
        McpSchema.JSONRPCResponse response = McpSchema.JSONRPCResponse.result(7,
                McpSchema.ListToolsResult.builder(tools).build());
        assertThat(cache.writeValueAsString(response)).isEqualTo(jackson.writeValueAsString(response));
    }

    private String jacksonJson(List<McpSchema.Tool> tools) throws Exception {
        return jackson.writeValueAsString(McpSchema.ListToolsResult.builder(tools).build());
    }
}
