package com.mcpportal.mcpserver.mcp;

import com.mcpportal.mcpserver.elevenlabs.ElevenLabsSettings;
import com.mcpportal.mcpserver.testsupport.FakeElevenLabs;
import com.mcpportal.mcpserver.testsupport.RunningServer;
import com.mcpportal.mcpserver.testsupport.TypeScriptClient;
import com.mcpportal.mcpserver.tools.ElevenLabsToolset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official TypeScript SDK client against our server with the real ElevenLabs toolset (talking
 * to the fake ElevenLabs API), over Streamable HTTP and the legacy SSE transport.
 */
class TypeScriptClientInteropIntegrationTests {

    private static final String KEY = "interop-test-key-0123456789";
    private static final String SPEECH = "{\"text\": \"Hello from the interop test\"}";
    private static FakeElevenLabs elevenLabs;
    private static RunningServer server;

    @BeforeAll
    static void startServer() {
        elevenLabs = FakeElevenLabs.start();
        server = RunningServer.start(Map.of("MCP_SERVER_API_KEY", KEY),
                new ElevenLabsToolset(ElevenLabsSettings.fromEnvironment(elevenLabs.environment())).tools());
    }

    @AfterAll
    static void stopServer() {
        server.close();
        elevenLabs.close();
    }

    @Test
    void streamableHttpClientListsToolsAndReceivesSpeechAudio() {
        assertReceivedSpeech(TypeScriptClient.run("streamable", server.uri("/mcp").toString(), KEY, "text_to_speech", SPEECH));
    }

    @Test
    void legacySseClientListsToolsAndReceivesSpeechAudio() {
        assertReceivedSpeech(TypeScriptClient.run("sse", server.uri("/sse").toString(), KEY, "text_to_speech", SPEECH));
    }

    @Test
    void streamableHttpClientWorksWithTheStatelessServerToo() {
        try (RunningServer stateless = RunningServer.start(Map.of("MCP_SERVER_API_KEY", KEY, "MCP_SERVER_STATELESS", "true"),
                new ElevenLabsToolset(ElevenLabsSettings.fromEnvironment(elevenLabs.environment())).tools())) {
            assertReceivedSpeech(TypeScriptClient.run("streamable", stateless.uri("/mcp").toString(), KEY,
                    "text_to_speech", SPEECH));
        }
    }

    @Test
    void clientsWithoutAValidKeyAreRefused() {
        assertThat(TypeScriptClient.run("streamable", server.uri("/mcp").toString(), null, null, null))
                .doesNotContainKey("tools").containsEntry("code", 401)
                .extractingByKey("error").asString().contains("An API key is required");
        assertThat(TypeScriptClient.run("sse", server.uri("/sse").toString(), null, null, null))
                .doesNotContainKey("tools").containsKey("error");
        assertThat(TypeScriptClient.run("streamable", server.uri("/mcp").toString(), "wrong-key-0123456789", null, null))
                .doesNotContainKey("tools").containsEntry("code", 401);
    }

    @Test
    void badArgumentsAndUpstreamErrorsReachTheClientAsToolErrors() {
        Map<String, Object> wrongType = TypeScriptClient.run("streamable", server.uri("/mcp").toString(), KEY,
                "text_to_speech", "{\"text\": 7}");
        assertThat(wrongType).doesNotContainKey("error");
        assertThat(wrongType.get("result")).asString().contains("isError=true");

        Map<String, Object> unknownVoice = TypeScriptClient.run("streamable", server.uri("/mcp").toString(), KEY,
                "text_to_speech", "{\"text\": \"hi\", \"voice_id\": \"no_such_voice\"}");
        assertThat(unknownVoice.get("result")).asString().contains("isError=true").doesNotContain("Exception");
    }

    @SuppressWarnings("unchecked")
    private static void assertReceivedSpeech(Map<String, Object> outcome) {
        assertThat(outcome).as("client output").doesNotContainKey("error").containsEntry("serverName", "ElevenLabs");
        assertThat((List<String>) outcome.get("tools")).hasSize(27).contains("text_to_speech", "play_audio");
        Map<String, Object> result = (Map<String, Object>) outcome.get("result");
        assertThat(result.get("isError")).isNotEqualTo(true);
        Map<String, Object> audio = ((List<Map<String, Object>>) result.get("content")).stream()
                .filter(content -> "audio".equals(content.get("type"))).findFirst()
                .orElseThrow(() -> new AssertionError("no audio content in " + result));
        assertThat(audio).containsEntry("mimeType", "audio/mpeg");
        byte[] bytes = Base64.getDecoder().decode((String) audio.get("data"));
        assertThat(bytes).startsWith('I', 'D', '3').hasSizeGreaterThan(1000);
    }
}
