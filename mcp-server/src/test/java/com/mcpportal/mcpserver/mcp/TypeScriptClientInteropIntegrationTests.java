package com.mcpportal.mcpserver.mcp;

import com.mcpportal.mcpserver.testsupport.RunningServer;
import com.mcpportal.mcpserver.testsupport.TestTools;
import com.mcpportal.mcpserver.testsupport.TypeScriptClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The official TypeScript SDK client against our server, over both HTTP transports. */
class TypeScriptClientInteropIntegrationTests {

    private static final String KEY = "interop-test-key-0123456789";
    private static RunningServer server;

    @BeforeAll
    static void startServer() {
        server = RunningServer.start(Map.of("MCP_SERVER_API_KEY", KEY), TestTools.all());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void streamableHttpClientListsToolsAndReceivesAudio() {
        Map<String, Object> outcome = TypeScriptClient.run("streamable", server.uri("/mcp").toString(), KEY, "beep", "{}");
        assertReceivedAudio(outcome);
    }

    @Test
    void legacySseClientListsToolsAndReceivesAudio() {
        Map<String, Object> outcome = TypeScriptClient.run("sse", server.uri("/sse").toString(), KEY, "beep", "{}");
        assertReceivedAudio(outcome);
    }

    @Test
    void clientsWithoutAKeyAreRefused() {
        assertThat(TypeScriptClient.run("streamable", server.uri("/mcp").toString(), null, null, null))
                .doesNotContainKey("tools").containsEntry("code", 401)
                .extractingByKey("error").asString().contains("An API key is required");
        assertThat(TypeScriptClient.run("sse", server.uri("/sse").toString(), null, null, null))
                .doesNotContainKey("tools").containsKey("error");
        assertThat(TypeScriptClient.run("streamable", server.uri("/mcp").toString(), "wrong-key-0123456789", null, null))
                .doesNotContainKey("tools").containsKey("error");
    }

    @Test
    void toolErrorsReachTheClientAsResults() {
        Map<String, Object> outcome = TypeScriptClient.run("streamable", server.uri("/mcp").toString(), KEY, "echo",
                "{\"text\": 7}");
        assertThat(outcome).doesNotContainKey("error");
        assertThat(outcome.get("result")).asString().contains("isError=true");
    }

    @SuppressWarnings("unchecked")
    private static void assertReceivedAudio(Map<String, Object> outcome) {
        assertThat(outcome).as("client output").doesNotContainKey("error").containsEntry("serverName", "ElevenLabs");
        assertThat((List<String>) outcome.get("tools")).contains("echo", "beep");
        Map<String, Object> result = (Map<String, Object>) outcome.get("result");
        Map<String, Object> content = ((List<Map<String, Object>>) result.get("content")).get(0);
        assertThat(content).containsEntry("type", "audio").containsEntry("mimeType", "audio/mpeg");
        assertThat(Base64.getDecoder().decode((String) content.get("data"))).isEqualTo(TestTools.BEEP_AUDIO);
    }
}
