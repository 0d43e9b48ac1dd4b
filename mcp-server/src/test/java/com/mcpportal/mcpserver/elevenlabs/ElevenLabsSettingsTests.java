package com.mcpportal.mcpserver.elevenlabs;

import com.mcpportal.mcpserver.elevenlabs.ElevenLabsSettings.OutputMode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ElevenLabsSettingsTests {

    @Test
    void onlyTheApiKeyIsRequiredAndTheRestHasTheDocumentedDefaults() {
        ElevenLabsSettings settings = ElevenLabsSettings.fromEnvironment(Map.of("ELEVENLABS_API_KEY", "sk_1",
                "HOME", "/home/mcp"));

        assertThat(settings.apiKey()).isEqualTo("sk_1");
        assertThat(settings.baseUrl()).isEqualTo(URI.create("https://api.elevenlabs.io"));
        assertThat(settings.apiResidency()).isNull();
        assertThat(settings.defaultVoiceId()).isEqualTo("cgSgspJ2msm6clMCkdW9");
        assertThat(settings.outputMode()).isEqualTo(OutputMode.RESOURCES);
        assertThat(settings.basePath()).isEqualTo(Path.of("/home/mcp/Desktop"));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(settings.maxRetries()).isEqualTo(2);
        assertThat(settings.maxInputBytes()).isEqualTo(25L * 1024 * 1024);
    }

    @Test
    void residencyPicksTheRegionalHostLikeTheOfficialServer() {
        assertThat(baseUrl("eu-residency")).isEqualTo("https://api.eu.residency.elevenlabs.io");
        assertThat(baseUrl("IN-RESIDENCY")).isEqualTo("https://api.in.residency.elevenlabs.io");
        assertThat(baseUrl("global")).isEqualTo("https://api.elevenlabs.io");
        assertThat(baseUrl("us")).isEqualTo("https://api.elevenlabs.io");
    }

    @Test
    void anExplicitBaseUrlWinsOverTheResidency() {
        ElevenLabsSettings settings = ElevenLabsSettings.fromEnvironment(Map.of("ELEVENLABS_API_KEY", "k",
                "ELEVENLABS_API_RESIDENCY", "eu-residency", "ELEVENLABS_BASE_URL", "http://127.0.0.1:9999/"));

        assertThat(settings.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:9999"));
        assertThat(settings.apiResidency()).isEqualTo("eu-residency");
    }

    @Test
    void everyVariableIsReadAndTrimmed() {
        ElevenLabsSettings settings = ElevenLabsSettings.fromEnvironment(Map.of("ELEVENLABS_API_KEY", " k ",
                "ELEVENLABS_DEFAULT_VOICE_ID", "pNInz6obpgDQGcFmaJgB", "ELEVENLABS_MCP_OUTPUT_MODE", " Both ",
                "ELEVENLABS_MCP_BASE_PATH", "/srv/audio", "ELEVENLABS_REQUEST_TIMEOUT_SECONDS", "60",
                "ELEVENLABS_CONNECT_TIMEOUT_SECONDS", "3", "ELEVENLABS_MAX_RETRIES", "0",
                "ELEVENLABS_MCP_MAX_INPUT_BYTES", "1048576", "ELEVENLABS_MCP_DOWNLOAD_TIMEOUT_SECONDS", "5"));

        assertThat(settings.apiKey()).isEqualTo("k");
        assertThat(settings.defaultVoiceId()).isEqualTo("pNInz6obpgDQGcFmaJgB");
        assertThat(settings.outputMode()).isEqualTo(OutputMode.BOTH);
        assertThat(settings.basePath()).isEqualTo(Path.of("/srv/audio"));
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.maxRetries()).isZero();
        assertThat(settings.maxInputBytes()).isEqualTo(1048576);
        assertThat(settings.downloadTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aTildeBasePathMeansHome() {
        assertThat(ElevenLabsSettings.fromEnvironment(Map.of("ELEVENLABS_API_KEY", "k", "HOME", "/home/a",
                "ELEVENLABS_MCP_BASE_PATH", "~/audio")).basePath()).isEqualTo(Path.of("/home/a/audio"));
    }

    @Test
    void invalidValuesAreRefusedWithOneLineNamingTheVariable() throws Exception {
        Path aFile = java.nio.file.Files.createTempFile("not-a-directory", ".txt");
        assertRefused(Map.of(), "ELEVENLABS_API_KEY");
        assertRefused(Map.of("ELEVENLABS_API_KEY", "  "), "ELEVENLABS_API_KEY");
        assertRefused(with("ELEVENLABS_API_RESIDENCY", "mars"), "ELEVENLABS_API_RESIDENCY");
        assertRefused(with("ELEVENLABS_BASE_URL", "ftp://example.com"), "ELEVENLABS_BASE_URL");
        assertRefused(with("ELEVENLABS_BASE_URL", "not a url"), "ELEVENLABS_BASE_URL");
        assertRefused(with("ELEVENLABS_DEFAULT_VOICE_ID", "voice/../x"), "ELEVENLABS_DEFAULT_VOICE_ID");
        assertRefused(with("ELEVENLABS_MCP_OUTPUT_MODE", "stream"), "ELEVENLABS_MCP_OUTPUT_MODE");
        assertRefused(with("ELEVENLABS_MCP_BASE_PATH", "relative/dir"), "ELEVENLABS_MCP_BASE_PATH");
        assertRefused(with("ELEVENLABS_MCP_BASE_PATH", aFile.toString()), "ELEVENLABS_MCP_BASE_PATH");
        assertRefused(with("ELEVENLABS_REQUEST_TIMEOUT_SECONDS", "soon"), "ELEVENLABS_REQUEST_TIMEOUT_SECONDS");
        assertRefused(with("ELEVENLABS_MAX_RETRIES", "-1"), "ELEVENLABS_MAX_RETRIES");
        assertRefused(with("ELEVENLABS_MCP_MAX_INPUT_BYTES", "12"), "ELEVENLABS_MCP_MAX_INPUT_BYTES");
        java.nio.file.Files.delete(aFile);
    }

    @Test
    void theApiKeyNeverAppearsInToString() {
        ElevenLabsSettings settings = ElevenLabsSettings.fromEnvironment(Map.of("ELEVENLABS_API_KEY",
                "sk_very_secret_value"));

        assertThat(settings.toString()).doesNotContain("sk_very_secret_value").contains("apiKey=***");
    }

    @Test
    void theSixArgumentConstructorFillsInDefaults() {
        ElevenLabsSettings settings = new ElevenLabsSettings("k", URI.create("http://127.0.0.1:1"), null, null,
                OutputMode.FILES, Path.of("/tmp/x/../y"));

        assertThat(settings.defaultVoiceId()).isEqualTo(ElevenLabsSettings.DEFAULT_VOICE_ID);
        assertThat(settings.basePath()).isEqualTo(Path.of("/tmp/y"));
        assertThat(settings.maxRetries()).isEqualTo(ElevenLabsSettings.DEFAULT_MAX_RETRIES);
    }

    private static String baseUrl(String residency) {
        return ElevenLabsSettings.fromEnvironment(Map.of("ELEVENLABS_API_KEY", "k",
                "ELEVENLABS_API_RESIDENCY", residency)).baseUrl().toString();
    }

    private static Map<String, String> with(String name, String value) {
        Map<String, String> env = new HashMap<>();
        env.put("ELEVENLABS_API_KEY", "k");
        env.put(name, value);
        return env;
    }

    private static void assertRefused(Map<String, String> env, String variable) {
        assertThatThrownBy(() -> ElevenLabsSettings.fromEnvironment(env))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(variable)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
