package com.mcpportal.mcpserver.http;

import com.mcpportal.mcpserver.Env;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The HTTP side of the server, from environment variables.
 *
 * @param port             {@code PORT}; 0 picks a free port (tests)
 * @param bindAddress      {@code MCP_SERVER_BIND_ADDRESS}
 * @param stateless        {@code MCP_SERVER_STATELESS}: no MCP sessions on {@code /mcp}
 * @param maxRequestBytes  {@code MCP_SERVER_MAX_REQUEST_BYTES}: larger bodies get 413
 * @param requestTimeout   {@code MCP_SERVER_REQUEST_TIMEOUT_SECONDS}: longest tool call
 * @param allowedOrigins   {@code MCP_SERVER_ALLOWED_ORIGINS}: browser origins allowed to call; others get 403
 * @param allowedHosts     {@code MCP_SERVER_ALLOWED_HOSTS}: {@code Host} values accepted; empty accepts any
 * @param shutdownGrace    {@code MCP_SERVER_SHUTDOWN_GRACE_SECONDS}: how long in-flight calls may finish
 * @param maxThreads       {@code MCP_SERVER_MAX_THREADS}: request threads (tool calls block on ElevenLabs)
 * @param metrics          {@code MCP_SERVER_METRICS}: {@code emf} (default) adds CloudWatch metrics to each
 *                         request line, {@code off} leaves them out
 */
public record HttpSettings(
        int port,
        String bindAddress,
        boolean stateless,
        int maxRequestBytes,
        Duration requestTimeout,
        List<String> allowedOrigins,
        List<String> allowedHosts,
        Duration shutdownGrace,
        int maxThreads,
        boolean metrics) {

    public static HttpSettings fromEnvironment(Env env) {
        return new HttpSettings(
                env.integer("PORT", 8080, 0, 65_535),
                env.text("MCP_SERVER_BIND_ADDRESS").orElse("0.0.0.0"),
                env.flag("MCP_SERVER_STATELESS", false),
                env.integer("MCP_SERVER_MAX_REQUEST_BYTES", 10 * 1024 * 1024, 1024, 256 * 1024 * 1024),
                env.seconds("MCP_SERVER_REQUEST_TIMEOUT_SECONDS", 300, 1, 3600),
                env.list("MCP_SERVER_ALLOWED_ORIGINS"),
                env.list("MCP_SERVER_ALLOWED_HOSTS"),
                env.seconds("MCP_SERVER_SHUTDOWN_GRACE_SECONDS", 10, 0, 300),
                env.integer("MCP_SERVER_MAX_THREADS", 64, 2, 1000),
                metricsOn(env));
    }

    private static boolean metricsOn(Env env) {
        String value = env.text("MCP_SERVER_METRICS").orElse("emf");
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "emf" -> true;
            case "off" -> false;
            default -> throw Env.invalid("MCP_SERVER_METRICS", "must be emf or off, got \"" + value + "\"");
        };
    }
}
