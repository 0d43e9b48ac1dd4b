package com.mcpportal.mcpserver.elevenlabs;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.mcpportal.mcpserver.Env;
import org.jspecify.annotations.Nullable;

/**
 * How the server talks to ElevenLabs and where it may read and write audio, from the
 * {@code ELEVENLABS_*} environment variables.
 *
 * @param apiKey          sent as {@code xi-api-key}; never printed by {@link #toString()}
 * @param baseUrl         API origin: {@code ELEVENLABS_BASE_URL}, else the host of the residency
 * @param apiResidency    {@code us}, {@code global}, {@code eu-residency}, {@code in-residency} or null
 * @param defaultVoiceId  voice used when a tool call names none
 * @param outputMode      how generated audio goes back to the client
 * @param basePath        the only directory tools may read input files from and write files to
 * @param connectTimeout  TCP/TLS connect timeout towards ElevenLabs and audio URLs
 * @param requestTimeout  how long one ElevenLabs call may take (music generation takes minutes)
 * @param maxRetries      retries after a 429, a 5xx or a failed connection
 * @param maxRetryDelay   longest wait before a retry; a longer {@code Retry-After} is not waited for
 * @param maxInputBytes   cap on one input file, base64 payload or downloaded {@code audio_url}
 * @param downloadTimeout how long downloading one {@code audio_url} may take
 */
public record ElevenLabsSettings(
        String apiKey,
        URI baseUrl,
        @Nullable String apiResidency,
        String defaultVoiceId,
        OutputMode outputMode,
        Path basePath,
        Duration connectTimeout,
        Duration requestTimeout,
        int maxRetries,
        Duration maxRetryDelay,
        long maxInputBytes,
        Duration downloadTimeout) {

    /** The official server's default voice. */
    public static final String DEFAULT_VOICE_ID = "cgSgspJ2msm6clMCkdW9";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(300);
    public static final int DEFAULT_MAX_RETRIES = 2;
    public static final Duration DEFAULT_MAX_RETRY_DELAY = Duration.ofSeconds(20);
    public static final long DEFAULT_MAX_INPUT_BYTES = 25L * 1024 * 1024;
    public static final Duration DEFAULT_DOWNLOAD_TIMEOUT = Duration.ofSeconds(30);

    private static final Pattern VOICE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Map<String, String> RESIDENCY_ORIGINS = Map.of(
            "us", "https://api.elevenlabs.io",
            "global", "https://api.elevenlabs.io",
            "eu-residency", "https://api.eu.residency.elevenlabs.io",
            "in-residency", "https://api.in.residency.elevenlabs.io");

    /** How tools hand audio back: in-band to the client, as files on the server's disk, or both. */
    public enum OutputMode { RESOURCES, FILES, BOTH }

    public ElevenLabsSettings {
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("ELEVENLABS_API_KEY is required");
        }
        if (baseUrl == null || outputMode == null || basePath == null) {
            throw new IllegalArgumentException("baseUrl, outputMode and basePath are required");
        }
        defaultVoiceId = defaultVoiceId == null ? DEFAULT_VOICE_ID : defaultVoiceId;
        basePath = basePath.toAbsolutePath().normalize();
    }

    /** The six settings the environment always names, with defaults for timeouts, retries and caps. */
    public ElevenLabsSettings(String apiKey, URI baseUrl, @Nullable String apiResidency, String defaultVoiceId,
                              OutputMode outputMode, Path basePath) {
        this(apiKey, baseUrl, apiResidency, defaultVoiceId, outputMode, basePath,
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, DEFAULT_MAX_RETRIES,
                DEFAULT_MAX_RETRY_DELAY, DEFAULT_MAX_INPUT_BYTES, DEFAULT_DOWNLOAD_TIMEOUT);
    }

    /**
     * Reads and validates the {@code ELEVENLABS_*} variables.
     *
     * @throws IllegalArgumentException with a one-line message that names the offending variable
     */
    public static ElevenLabsSettings fromEnvironment(Map<String, String> variables) {
        Env env = new Env(variables);
        String apiKey = value(env, "ELEVENLABS_API_KEY");
        if (apiKey == null) {
            throw new IllegalArgumentException("ELEVENLABS_API_KEY is required (your ElevenLabs API key)");
        }
        String residency = residency(value(env, "ELEVENLABS_API_RESIDENCY"));
        URI baseUrl = baseUrl(value(env, "ELEVENLABS_BASE_URL"), residency);
        return new ElevenLabsSettings(apiKey, baseUrl, residency,
                voiceId(value(env, "ELEVENLABS_DEFAULT_VOICE_ID")),
                outputMode(value(env, "ELEVENLABS_MCP_OUTPUT_MODE")),
                basePath(value(env, "ELEVENLABS_MCP_BASE_PATH"), variables),
                seconds(env, "ELEVENLABS_CONNECT_TIMEOUT_SECONDS", DEFAULT_CONNECT_TIMEOUT, 1, 300),
                seconds(env, "ELEVENLABS_REQUEST_TIMEOUT_SECONDS", DEFAULT_REQUEST_TIMEOUT, 1, 3600),
                env.integer("ELEVENLABS_MAX_RETRIES", DEFAULT_MAX_RETRIES, 0, 10),
                DEFAULT_MAX_RETRY_DELAY,
                env.integer("ELEVENLABS_MCP_MAX_INPUT_BYTES", (int) DEFAULT_MAX_INPUT_BYTES, 1024, 1 << 30),
                seconds(env, "ELEVENLABS_MCP_DOWNLOAD_TIMEOUT_SECONDS", DEFAULT_DOWNLOAD_TIMEOUT, 1, 600));
    }

    @Override
    public String toString() {
        // The API key is a secret: settings end up in logs and exception messages.
        return "ElevenLabsSettings[baseUrl=" + baseUrl + ", apiResidency=" + apiResidency
                + ", defaultVoiceId=" + defaultVoiceId + ", outputMode=" + outputMode
                + ", basePath=" + basePath + ", apiKey=***]";
    }

    private static @Nullable String value(Env env, String name) {
        return env.text(name).orElse(null);
    }

    private static @Nullable String residency(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String residency = value.toLowerCase(Locale.ROOT);
        if (!RESIDENCY_ORIGINS.containsKey(residency)) {
            throw new IllegalArgumentException("ELEVENLABS_API_RESIDENCY must be one of us, global, "
                    + "eu-residency, in-residency (was '" + value + "')");
        }
        return residency;
    }

    private static URI baseUrl(@Nullable String value, @Nullable String residency) {
        if (value == null) {
            return URI.create(RESIDENCY_ORIGINS.getOrDefault(residency == null ? "us" : residency,
                    RESIDENCY_ORIGINS.get("us")));
        }
        try {
            URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null
                    || uri.getQuery() != null || uri.getFragment() != null || uri.getUserInfo() != null) {
                throw new URISyntaxException(value, "not an http(s) origin");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(
                    "ELEVENLABS_BASE_URL must be an http(s) URL such as https://api.elevenlabs.io (was '"
                            + value + "')");
        }
    }

    private static String voiceId(@Nullable String value) {
        if (value == null) {
            return DEFAULT_VOICE_ID;
        }
        if (!VOICE_ID.matcher(value).matches()) {
            throw new IllegalArgumentException("ELEVENLABS_DEFAULT_VOICE_ID must be a voice id of letters, "
                    + "digits, '-' or '_' (was '" + value + "')");
        }
        return value;
    }

    private static OutputMode outputMode(@Nullable String value) {
        if (value == null) {
            // The official server defaults to files; a remote server's clients share no disk with it.
            return OutputMode.RESOURCES;
        }
        try {
            return OutputMode.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "ELEVENLABS_MCP_OUTPUT_MODE must be one of resources, files, both (was '" + value + "')");
        }
    }

    private static Path basePath(@Nullable String value, Map<String, String> env) {
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        if (value == null) {
            // Same default as the official server.
            return Path.of(home, "Desktop");
        }
        String expanded = value.equals("~") ? home : value.startsWith("~/") ? home + value.substring(1) : value;
        try {
            Path path = Path.of(expanded);
            if (!path.isAbsolute()) {
                throw new IllegalArgumentException("ELEVENLABS_MCP_BASE_PATH must be an absolute path (was '"
                        + value + "')");
            }
            if (path.toFile().exists() && !path.toFile().isDirectory()) {
                throw new IllegalArgumentException("ELEVENLABS_MCP_BASE_PATH must be a directory (was '"
                        + value + "')");
            }
            return path;
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("ELEVENLABS_MCP_BASE_PATH is not a valid path (was '"
                    + value + "')");
        }
    }

    private static Duration seconds(Env env, String name, Duration fallback, int min, int max) {
        return env.seconds(name, (int) fallback.toSeconds(), min, max);
    }
}
