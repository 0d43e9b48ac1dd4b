package com.mcpportal.mcpserver.elevenlabs;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * How the server talks to ElevenLabs and where it may read and write audio, from the
 * {@code ELEVENLABS_*} environment variables.
 */
public record ElevenLabsSettings(
        String apiKey,
        URI baseUrl,
        String apiResidency,
        String defaultVoiceId,
        OutputMode outputMode,
        Path basePath) {

    /** How tools hand audio back: in-band to the client, as files on the server's disk, or both. */
    public enum OutputMode { RESOURCES, FILES, BOTH }

    /**
     * Reads and validates the {@code ELEVENLABS_*} variables.
     *
     * @throws IllegalArgumentException with a one-line message that names the offending variable
     */
    public static ElevenLabsSettings fromEnvironment(Map<String, String> env) {
        // Placeholder until the tools land: the contract between the runtime and the toolset.
        String apiKey = env.get("ELEVENLABS_API_KEY");
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("ELEVENLABS_API_KEY is required");
        }
        return new ElevenLabsSettings(apiKey,
                URI.create(env.getOrDefault("ELEVENLABS_BASE_URL", "https://api.elevenlabs.io")),
                env.get("ELEVENLABS_API_RESIDENCY"), env.get("ELEVENLABS_DEFAULT_VOICE_ID"),
                OutputMode.RESOURCES, Path.of(env.getOrDefault("ELEVENLABS_MCP_BASE_PATH",
                        System.getProperty("user.home") + "/Desktop")));
    }
}
