package com.mcpportal.mcpserver;

import com.mcpportal.mcpserver.auth.AuthSettings;
import com.mcpportal.mcpserver.auth.KeyRegistry;
import com.mcpportal.mcpserver.http.EmfMetrics;
import com.mcpportal.mcpserver.http.HttpServer;
import com.mcpportal.mcpserver.http.HttpSettings;
import com.mcpportal.mcpserver.log.JsonLog;
import com.mcpportal.mcpserver.log.JulBridge;
import com.mcpportal.mcpserver.mcp.McpEndpoints;
import com.mcpportal.mcpserver.tools.ToolDefinition;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/** The HTTP server with its tools and keys, started from validated configuration. */
public final class McpServerApp implements AutoCloseable {

    private final HttpServer http;
    private final KeyRegistry keys;

    private McpServerApp(HttpServer http, KeyRegistry keys) {
        this.http = http;
        this.keys = keys;
    }

    /**
     * Validates the HTTP and auth variables, loads the key set, and starts serving {@code tools}.
     *
     * @throws IllegalArgumentException for bad configuration, with one line naming the variable
     */
    public static McpServerApp start(Env env, List<ToolDefinition> tools) {
        return start(env, CompletableFuture.completedFuture(tools));
    }

    /**
     * Like {@link #start(Env, List)}, with the tools still being built on another thread: the
     * settings, keys and JSON mapper are prepared meanwhile.
     */
    public static McpServerApp start(Env env, CompletableFuture<List<ToolDefinition>> pendingTools) {
        HttpSettings httpSettings = HttpSettings.fromEnvironment(env);
        JulBridge.install();
        AuthSettings auth = AuthSettings.fromEnvironment(env);
        Clock clock = Clock.systemUTC();
        KeyRegistry keys = auth.newKeyRegistry(clock);
        try {
            keys.loadInitial();
            if (auth.disabled()) {
                JsonLog.warn("auth_disabled", "message",
                        "MCP_SERVER_AUTH=disabled: anyone who can reach this server can use its tools and your ElevenLabs quota");
            }
            McpEndpoints.preload();
            List<ToolDefinition> tools = toolsOf(pendingTools);
            McpEndpoints endpoints = McpEndpoints.forHttp(tools, httpSettings);
            EmfMetrics metrics = httpSettings.metrics() ? EmfMetrics.forEnvironment(auth.environmentId().orElse(null)) : null;
            HttpServer http = HttpServer.start(httpSettings, auth, keys, metrics, clock,
                    endpoints.mcpServlet(), endpoints.sseServlet());
            keys.startRefreshing(auth.refresh(), metrics == null ? null : metrics::appendKeySetStale);
            JsonLog.info("started", "port", http.port(), "transport", "streamable-http,sse",
                    "stateless", httpSettings.stateless(), "auth", auth.describeSources(),
                    "keys", auth.disabled() ? null : keys.size(), "tools", tools.size(),
                    "startup_ms", sinceJvmStart());
            return new McpServerApp(http, keys);
        } catch (RuntimeException e) {
            keys.close();
            throw e;
        }
    }

    private static List<ToolDefinition> toolsOf(CompletableFuture<List<ToolDefinition>> pending) {
        try {
            return pending.join();
        } catch (CompletionException e) {
            // Report what the toolset threw (a configuration problem is an IllegalArgumentException).
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    public int port() {
        return http.port();
    }

    /** Graceful stop: see {@link HttpServer#stop()}. */
    @Override
    public void close() {
        http.stop();
        keys.close();
    }

    private static @Nullable Long sinceJvmStart() {
        return ProcessHandle.current().info().startInstant()
                .map(start -> Duration.between(start, Instant.now()).toMillis()).orElse(null);
    }
}
