package com.mcpportal.portal.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * The real MCP server (the mcp-server module's runnable jar) as a child process on a free loopback port, reading
 * the key set the portal publishes, and a plain Streamable HTTP client for it. The jar is
 * {@code ../mcp-server/target/mcp-server.jar} (system property {@code mcp.server.jar} overrides); the reactor
 * builds mcp-server before portal, and when only the portal module is built and the jar is missing it is built once
 * with the Maven wrapper.
 */
public final class McpServerProcess implements AutoCloseable {

    private static final Pattern STARTED_PORT = Pattern.compile("\"event\":\"started\",\"port\":(\\d+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String TOOLS_LIST = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}";
    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"portal-test\","
            + "\"version\":\"1\"}}}";

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final URI endpoint;

    private McpServerProcess(Process process) {
        this.process = process;
        drain(process.getInputStream());
        drain(process.getErrorStream());
        this.endpoint = URI.create("http://127.0.0.1:" + awaitPort() + "/mcp");
    }

    /**
     * Starts the server for one environment: its key file, reloaded every {@code refresh} (null: the server's
     * default, 30 s), stateless; no ElevenLabs call is ever made (tools/list needs none).
     */
    public static McpServerProcess start(Path keysFile, String environmentId, Duration refresh, Path workDirectory) {
        Map<String, String> settings = new HashMap<>(Map.of("MCP_SERVER_STATELESS", "true"));
        if (refresh != null) {
            settings.put("MCP_SERVER_KEYS_REFRESH_SECONDS", Long.toString(refresh.toSeconds()));
        }
        return start(keysFile, environmentId, workDirectory, settings);
    }

    /**
     * Starts the server for one environment's key file with more settings ({@code PORT},
     * {@code MCP_SERVER_STATELESS} …) over the defaults: any free loopback port, sessions kept (as deployed), no
     * failure throttle.
     */
    public static McpServerProcess start(Path keysFile, String environmentId, Path workDirectory,
            Map<String, String> settings) {
        Map<String, String> env = new HashMap<>(Map.of(
                "PORT", "0",
                "MCP_SERVER_BIND_ADDRESS", "127.0.0.1",
                "MCP_SERVER_KEYS_FILE", keysFile.toAbsolutePath().toString(),
                "MCP_SERVER_ENVIRONMENT_ID", environmentId,
                // A test that polls with a revoked key must see 401, not the failure throttle's 429.
                "MCP_SERVER_AUTH_MAX_FAILURES", "0",
                "ELEVENLABS_API_KEY", "dummy-never-used",
                "ELEVENLABS_BASE_URL", "http://127.0.0.1:9",
                "ELEVENLABS_MCP_BASE_PATH", workDirectory.toAbsolutePath().toString()));
        env.putAll(settings);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m", "-jar", jar().toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().clear();
        builder.environment().putAll(env);
        try {
            return new McpServerProcess(builder.start());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the MCP server", e);
        }
    }

    /** The runnable jar, built first if only the portal module is being built. */
    public static synchronized Path jar() {
        Path jar = Path.of(System.getProperty("mcp.server.jar", "../mcp-server/target/mcp-server.jar"));
        if (!Files.isRegularFile(jar)) {
            Path root = Path.of("..").toAbsolutePath().normalize();
            try {
                Process build = new ProcessBuilder(root.resolve("mvnw").toString(), "-q", "-B", "-pl", "mcp-server",
                        "package", "-DskipTests").directory(root.toFile()).inheritIO().start();
                if (build.waitFor() != 0 || !Files.isRegularFile(jar)) {
                    throw new IllegalStateException("Building " + jar + " failed; run ./mvnw -pl mcp-server package");
                }
            } catch (IOException e) {
                throw new IllegalStateException("Cannot build " + jar + "; run ./mvnw -pl mcp-server package", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return jar.toAbsolutePath();
    }

    /** initialize, then tools/list, with the key as a bearer token: the HTTP status of tools/list (or the first refusal). */
    public HttpResponse<String> toolsList(String key) {
        HttpResponse<String> initialized = post(key, INITIALIZE);
        return initialized.statusCode() != 200 ? initialized : post(key, TOOLS_LIST);
    }

    /** tools/list alone: what a client already connected sends. */
    public HttpResponse<String> toolsListOnly(String key) {
        return post(key, TOOLS_LIST);
    }

    private HttpResponse<String> post(String key, String body) {
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .header("Authorization", "Bearer " + key).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls tools/list until it answers {@code status}; returns how long that took. */
    public Duration awaitStatus(String key, int status, Duration timeout) {
        long start = System.nanoTime();
        AtomicInteger last = new AtomicInteger(-1);
        try {
            await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        last.set(toolsListOnly(key).statusCode());
                        return last.get() == status;
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("tools/list never answered " + status + " within " + timeout + " (last "
                    + last.get() + "); server output: " + output);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Everything the server wrote so far, line by line. */
    public List<String> output() {
        return output;
    }

    private int awaitPort() {
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> startedPort().isPresent() || !process.isAlive());
        } catch (ConditionTimeoutException e) {
            // reported below
        }
        Optional<Integer> port = startedPort();
        if (port.isEmpty()) {
            close();
            throw new AssertionError("The MCP server did not start: " + output);
        }
        return port.get();
    }

    private Optional<Integer> startedPort() {
        for (String line : output) {
            Matcher matcher = STARTED_PORT.matcher(line);
            if (matcher.find()) {
                return Optional.of(Integer.parseInt(matcher.group(1)));
            }
        }
        return Optional.empty();
    }

    private void drain(InputStream stream) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    output.add(line);
                }
            } catch (IOException e) {
                // the process ended
            }
        }, "mcp-server-output");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
