package com.mcpportal.mcpserver.tools;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.mcpportal.mcpserver.elevenlabs.Json;
import com.mcpportal.mcpserver.testsupport.FakeElevenLabs;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static com.mcpportal.mcpserver.tools.ToolHarness.structured;
import static com.mcpportal.mcpserver.tools.ToolHarness.text;
import static org.assertj.core.api.Assertions.assertThat;

class AgentToolsTests extends ToolTestSupport {

    @Test
    void createAgentSendsTheOfficialConfigurationWithDefaults() {
        McpSchema.CallToolResult result = call("create_agent", Map.of("name", "Support", "first_message",
                "Hi, how can I help?", "system_prompt", "You help customers."));

        assertThat(text(result)).startsWith("Agent created successfully: Name: Support, Agent ID: agent_new_0001")
                .contains("Voice ID: " + FakeElevenLabs.DEFAULT_VOICE_ID).contains("LLM: gemini-2.0-flash-001");
        JsonNode body = Json.parse(fake.requests("POST", "/v1/convai/agents/create").get(0).getBody());
        assertThat(body.path("name").asString()).isEqualTo("Support");
        JsonNode config = body.path("conversation_config");
        assertThat(config.path("agent").path("language").asString()).isEqualTo("en");
        assertThat(config.path("agent").path("first_message").asString()).isEqualTo("Hi, how can I help?");
        assertThat(config.path("agent").path("prompt").path("prompt").asString()).isEqualTo("You help customers.");
        assertThat(config.path("agent").path("prompt").path("llm").asString()).isEqualTo("gemini-2.0-flash-001");
        assertThat(config.path("agent").path("prompt").path("temperature").asDouble()).isEqualTo(0.5);
        assertThat(config.path("agent").path("prompt").has("max_tokens")).isFalse();
        assertThat(config.path("agent").path("prompt").path("tools").get(0).path("name").asString()).isEqualTo("end_call");
        assertThat(config.path("asr").path("quality").asString()).isEqualTo("high");
        assertThat(config.path("tts").path("voice_id").asString()).isEqualTo(FakeElevenLabs.DEFAULT_VOICE_ID);
        assertThat(config.path("tts").path("model_id").asString()).isEqualTo("eleven_turbo_v2");
        assertThat(config.path("tts").path("optimize_streaming_latency").asInt()).isEqualTo(3);
        assertThat(config.path("tts").path("similarity_boost").asDouble()).isEqualTo(0.8);
        assertThat(config.path("turn").path("turn_timeout").asInt()).isEqualTo(7);
        assertThat(config.path("conversation").path("max_duration_seconds").asInt()).isEqualTo(300);
        JsonNode privacy = body.path("platform_settings").path("privacy");
        assertThat(privacy.path("record_voice").asBoolean()).isTrue();
        assertThat(privacy.path("retention_days").asInt()).isEqualTo(730);
    }

    @Test
    void createAgentPassesChosenSettings() {
        call("create_agent", Map.of("name", "Sales", "first_message", "Hello", "system_prompt", "Sell.",
                "voice_id", FakeElevenLabs.ADAM_VOICE_ID, "max_tokens", 300, "temperature", 0.1, "record_voice", false));

        JsonNode body = Json.parse(fake.requests("POST", "/v1/convai/agents/create").get(0).getBody());
        assertThat(body.path("conversation_config").path("tts").path("voice_id").asString())
                .isEqualTo(FakeElevenLabs.ADAM_VOICE_ID);
        assertThat(body.path("conversation_config").path("agent").path("prompt").path("max_tokens").asInt()).isEqualTo(300);
        assertThat(body.path("platform_settings").path("privacy").path("record_voice").asBoolean()).isFalse();
    }

    @Test
    void createAgentValidatesRangesFirst() {
        for (Map<String, Object> bad : List.<Map<String, Object>>of(
                Map.of("name", "A", "first_message", "Hi", "system_prompt", "P", "temperature", 1.2),
                Map.of("name", "A", "first_message", "Hi", "system_prompt", "P", "optimize_streaming_latency", 5),
                Map.of("name", "A", "first_message", "Hi", "system_prompt", "P", "asr_quality", "medium"),
                Map.of("name", "A", "first_message", "Hi"))) {
            assertThat(call("create_agent", bad).isError()).as(bad.toString()).isTrue();
        }
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void addKnowledgeBaseFromUrlAppendsTheDocumentToTheAgent() {
        McpSchema.CallToolResult result = call("add_knowledge_base_to_agent", Map.of("agent_id", FakeElevenLabs.AGENT_ID,
                "knowledge_base_name", "Docs", "url", "https://docs.example.com/faq"));

        assertThat(text(result)).isEqualTo("Knowledge base created with ID: kb_url_0001 and added to agent "
                + FakeElevenLabs.AGENT_ID + " successfully.");
        JsonNode created = Json.parse(fake.requests("POST", "/v1/convai/knowledge-base/url").get(0).getBody());
        assertThat(created.path("url").asString()).isEqualTo("https://docs.example.com/faq");
        assertThat(created.path("name").asString()).isEqualTo("Docs");
        JsonNode patch = Json.parse(fake.requests("PATCH", "/v1/convai/agents/.*").get(0).getBody());
        JsonNode knowledgeBase = patch.path("conversation_config").path("agent").path("prompt").path("knowledge_base");
        assertThat(knowledgeBase).hasSize(2);
        assertThat(knowledgeBase.get(0).path("id").asString()).isEqualTo("kb_existing_01");
        assertThat(knowledgeBase.get(1).path("id").asString()).isEqualTo("kb_url_0001");
        assertThat(knowledgeBase.get(1).path("type").asString()).isEqualTo("url");
        assertThat(patch.path("conversation_config").path("agent").path("prompt").path("prompt").asString())
                .isEqualTo("You are a helpful support agent.");
    }

    @Test
    void addKnowledgeBaseFromTextUploadsATextFile() {
        call("add_knowledge_base_to_agent", Map.of("agent_id", FakeElevenLabs.AGENT_ID, "knowledge_base_name", "Hours",
                "text", "We are open 9 to 5."));

        LoggedRequest upload = fake.requests("POST", "/v1/convai/knowledge-base/file").get(0);
        assertThat(new String(upload.getPart("file").getBody().asBytes(), StandardCharsets.UTF_8))
                .isEqualTo("We are open 9 to 5.");
        assertThat(upload.getPart("file").getHeader("Content-Type").firstValue()).isEqualTo("text/plain");
        assertThat(part(upload, "name")).isEqualTo("Hours");
        JsonNode patch = Json.parse(fake.requests("PATCH", "/v1/convai/agents/.*").get(0).getBody());
        assertThat(patch.path("conversation_config").path("agent").path("prompt").path("knowledge_base").get(1)
                .path("type").asString()).isEqualTo("file");
    }

    @Test
    void addKnowledgeBaseFromAFileInTheBasePath() throws Exception {
        Files.writeString(basePath.resolve("manual.pdf"), "%PDF-1.4 fake");

        call("add_knowledge_base_to_agent", Map.of("agent_id", FakeElevenLabs.AGENT_ID, "knowledge_base_name", "Manual",
                "input_file_path", "manual.pdf"));

        LoggedRequest upload = fake.requests("POST", "/v1/convai/knowledge-base/file").get(0);
        assertThat(upload.getPart("file").getHeader("Content-Type").firstValue()).isEqualTo("application/pdf");
    }

    @Test
    void addKnowledgeBaseNeedsExactlyOneSource() {
        assertThat(text(call("add_knowledge_base_to_agent", Map.of("agent_id", "a", "knowledge_base_name", "n"))))
                .isEqualTo("Must provide either a URL, a file, or text");
        assertThat(text(call("add_knowledge_base_to_agent", Map.of("agent_id", "a", "knowledge_base_name", "n",
                "url", "https://x.example", "text", "t")))).isEqualTo("Must provide exactly one of: URL, file, or text");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void listAgentsNamesEveryAgent() {
        McpSchema.CallToolResult result = call("list_agents", Map.of());

        assertThat(text(result)).isEqualTo("Available agents: Support agent (ID: " + FakeElevenLabs.AGENT_ID
                + "),Sales agent (ID: agent_2201k1x8d0wfe8ssb3p8a0fgabcd)");
        assertThat(structured(result).get("agents")).asList().hasSize(2);
    }

    @Test
    void getAgentDescribesVoiceAndCreationTime() {
        McpSchema.CallToolResult result = call("get_agent", Map.of("agent_id", FakeElevenLabs.AGENT_ID));

        assertThat(text(result)).isEqualTo("Agent Details: Name: Support agent, Agent ID: " + FakeElevenLabs.AGENT_ID
                + ", Voice Configuration: Voice ID: " + FakeElevenLabs.DEFAULT_VOICE_ID
                + ", Created At: 2025-01-01 00:00:00 UTC");
        assertThat(structured(result)).containsEntry("system_prompt", "You are a helpful support agent.")
                .containsEntry("llm", "gemini-2.0-flash-001").containsEntry("created_at_unix_secs", 1735689600L);
    }

    @Test
    void getAgentOfAnUnknownIdIsNotFound() {
        McpSchema.CallToolResult result = call("get_agent", Map.of("agent_id", "agent_missing"));

        assertThat(result.isError()).isTrue();
        assertThat(text(result)).isEqualTo("ElevenLabs API error (HTTP 404 agent_not_found): Agent not found.");
    }
}
