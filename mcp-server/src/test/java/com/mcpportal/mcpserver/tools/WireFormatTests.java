package com.mcpportal.mcpserver.tools;

import com.mcpportal.mcpserver.elevenlabs.Json;
import com.mcpportal.mcpserver.testsupport.FakeElevenLabs;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a client receives: the SDK's own JSON for our tools and results. */
class WireFormatTests extends ToolTestSupport {

    private final McpJsonMapper mapper = new JacksonMcpJsonMapper(JsonMapper.builder().build());

    @Test
    void audioResultsSerialiseAsMcpAudioContent() throws Exception {
        McpSchema.CallToolResult result = call("text_to_speech", Map.of("text", "Hello"));

        JsonNode json = Json.parse(mapper.writeValueAsBytes(result));

        assertThat(json.path("isError").asBoolean()).isFalse();
        JsonNode audio = json.path("content").get(1);
        assertThat(audio.path("type").asString()).isEqualTo("audio");
        assertThat(audio.path("mimeType").asString()).isEqualTo("audio/mpeg");
        assertThat(Base64.getDecoder().decode(audio.path("data").asString())).isEqualTo(FakeElevenLabs.mp3(40));
        assertThat(json.path("content").get(0).path("type").asString()).isEqualTo("text");
    }

    @Test
    void errorsSerialiseAsToolResultsWithIsError() throws Exception {
        JsonNode json = Json.parse(mapper.writeValueAsBytes(call("text_to_speech", Map.of("text", ""))));

        assertThat(json.path("isError").asBoolean()).isTrue();
        assertThat(json.path("content").get(0).path("text").asString()).isEqualTo("Argument 'text' must not be empty.");
    }

    @Test
    void structuredResultsCarryStructuredContent() throws Exception {
        JsonNode json = Json.parse(mapper.writeValueAsBytes(call("list_models", Map.of())));

        assertThat(json.path("structuredContent").path("models").get(0).path("id").asString())
                .isEqualTo("eleven_multilingual_v2");
    }

    @Test
    void toolsListShowsSchemasAndAnnotations() throws Exception {
        List<McpSchema.Tool> tools = harness.toolset.tools().stream().map(ToolDefinition::tool).toList();

        JsonNode json = Json.parse(mapper.writeValueAsBytes(new McpSchema.ListToolsResult(tools, null)));

        JsonNode tts = json.path("tools").get(0);
        assertThat(tts.path("name").asString()).isEqualTo("text_to_speech");
        assertThat(tts.path("inputSchema").path("properties").path("stability").path("maximum").asDouble()).isEqualTo(1.0);
        assertThat(tts.path("inputSchema").path("required").get(0).asString()).isEqualTo("text");
        assertThat(tts.path("annotations").path("openWorldHint").asBoolean()).isTrue();
        assertThat(json.path("tools").get(3).path("outputSchema").path("type").asString()).isEqualTo("object");
        assertThat(json.path("tools")).hasSize(27);
    }
}
