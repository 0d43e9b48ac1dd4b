package com.mcpportal.mcpserver.tools;

import com.mcpportal.mcpserver.elevenlabs.ElevenLabsSettings;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson3.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ElevenLabsToolsetTests {

    private final List<ToolDefinition> tools = new ElevenLabsToolset(ElevenLabsSettings.fromEnvironment(
            Map.of("ELEVENLABS_API_KEY", "sk_test", "ELEVENLABS_MCP_BASE_PATH", "/tmp/mcp-toolset-test"))).tools();

    @Test
    void offersTheOfficialServersTwentySevenToolsInItsOrder() {
        assertThat(tools).extracting(t -> t.tool().name()).containsExactly(
                "text_to_speech", "speech_to_text", "text_to_sound_effects", "search_voices", "list_models",
                "get_voice", "voice_clone", "isolate_audio", "check_subscription", "create_agent",
                "add_knowledge_base_to_agent", "list_agents", "get_agent", "get_conversation", "list_conversations",
                "simulate_conversation", "speech_to_speech", "text_to_voice", "create_voice_from_preview",
                "make_outbound_call", "search_voice_library", "list_phone_numbers", "compose_music",
                "create_composition_plan", "video_to_music", "upload_music_for_inpainting", "play_audio");
    }

    @Test
    void everySchemaIsValidJsonSchemaAndDescribesEveryParameter() {
        JsonSchemaValidator validator = new DefaultJsonSchemaValidator();
        for (ToolDefinition definition : tools) {
            McpSchema.Tool tool = definition.tool();
            assertThat(tool.description()).as(tool.name()).hasSizeGreaterThan(30);
            assertThat(tool.title()).as(tool.name()).isNotBlank();
            assertThat(validator.validateSchema(tool.inputSchema()).valid()).as(tool.name()).isTrue();
            assertThat(tool.inputSchema()).containsEntry("type", "object").containsEntry("additionalProperties", false);
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) tool.inputSchema()
                    .get("properties");
            properties.forEach((name, property) -> {
                assertThat(property.get("description")).as(tool.name() + "." + name).isNotNull();
                assertThat(property.get("type")).as(tool.name() + "." + name).isNotNull();
            });
            if (tool.outputSchema() != null) {
                assertThat(validator.validateSchema(tool.outputSchema()).valid()).as(tool.name()).isTrue();
                assertThat(tool.outputSchema()).containsEntry("type", "object");
            }
        }
    }

    @Test
    void schemasCarryTheOfficialDefaultsRangesAndChoices() {
        Map<String, Object> tts = properties("text_to_speech");
        assertThat(required("text_to_speech")).containsExactly("text");
        assertThat(tts.get("stability")).isEqualTo(Map.of("type", "number", "description",
                property("text_to_speech", "stability").get("description"), "default", 0.5, "minimum", 0.0, "maximum", 1.0));
        assertThat(property("text_to_speech", "output_format")).containsEntry("default", "mp3_44100_128")
                .extractingByKey("enum").asList().contains("mp3_44100_192", "pcm_16000", "ulaw_8000", "opus_48000_64");
        assertThat(property("text_to_sound_effects", "duration_seconds"))
                .containsEntry("default", 2.0).containsEntry("minimum", 0.5).containsEntry("maximum", 5.0);
        assertThat(property("speech_to_speech", "voice_name")).containsEntry("default", "Adam");
        assertThat(property("create_agent", "voice_id"))
                .containsEntry("default", ElevenLabsSettings.DEFAULT_VOICE_ID);
        assertThat(property("list_conversations", "page_size")).containsEntry("default", 30L)
                .containsEntry("maximum", 100L);
        assertThat(required("make_outbound_call")).containsExactly("agent_id", "agent_phone_number_id", "to_number");
    }

    @Test
    void toolsThatTakeAudioAcceptAFileBase64OrAnHttpsUrl() {
        for (String name : List.of("speech_to_text", "speech_to_speech", "isolate_audio", "play_audio",
                "upload_music_for_inpainting")) {
            assertThat(properties(name)).as(name).containsKeys("input_file_path", "audio_base64", "audio_url");
        }
        assertThat(properties("voice_clone")).containsKeys("files", "audio_base64", "audio_urls");
        assertThat(properties("video_to_music")).containsKeys("input_file_paths", "video_base64", "video_urls");
    }

    @Test
    void annotationsFollowTheOfficialServer() {
        assertThat(tool("make_outbound_call").annotations().destructiveHint()).isTrue();
        assertThat(tool("create_agent").annotations().destructiveHint()).isFalse();
        assertThat(tool("list_agents").annotations().readOnlyHint()).isTrue();
        assertThat(tool("text_to_speech").annotations().openWorldHint()).isTrue();
    }

    @Test
    void descriptionsSayHowAudioComesBack() {
        assertThat(tool("text_to_speech").description()).contains("MCP audio content").contains("COST WARNING");
        assertThat(tool("list_models").description()).doesNotContain("COST WARNING");
    }

    private McpSchema.Tool tool(String name) {
        return tools.stream().map(ToolDefinition::tool).filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> property(String tool, String name) {
        return (Map<String, Object>) properties(tool).get(name);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> properties(String name) {
        return (Map<String, Object>) tool(name).inputSchema().get("properties");
    }

    @SuppressWarnings("unchecked")
    private List<String> required(String name) {
        return (List<String>) tool(name).inputSchema().get("required");
    }
}
