package com.mcpportal.mcpserver.tools;

import com.mcpportal.mcpserver.elevenlabs.ElevenLabsSettings.OutputMode;
import com.mcpportal.mcpserver.testsupport.AudioHost;
import com.mcpportal.mcpserver.testsupport.FakeElevenLabs;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Shared set-up of the tool tests: one fake ElevenLabs and one audio host for the whole run
 * (started on first use, stopped with the JVM), reset before each test, and a fresh base path.
 */
abstract class ToolTestSupport {

    static final FakeElevenLabs fake = FakeElevenLabs.start();
    static final AudioHost audioHost = AudioHost.start();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            fake.close();
            audioHost.close();
        }));
    }

    @TempDir
    Path basePath;
    ToolHarness harness;

    @BeforeEach
    void resetFakes() {
        fake.reset();
        audioHost.wireMock().resetAll();
        harness = new ToolHarness(fake, basePath, OutputMode.RESOURCES);
    }

    McpSchema.CallToolResult call(String tool, Map<String, Object> arguments) {
        return harness.call(tool, arguments);
    }

    static String part(LoggedRequest request, String name) {
        return new String(request.getPart(name).getBody().asBytes(), StandardCharsets.UTF_8);
    }
}
