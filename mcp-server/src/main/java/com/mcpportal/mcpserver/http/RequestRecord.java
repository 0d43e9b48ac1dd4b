package com.mcpportal.mcpserver.http;

import com.mcpportal.mcpserver.log.JsonLog;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What one HTTP request did, filled in as it passes the filters, the tool adapter and the JSON
 * mapper, then written as one log line, with the request's metrics (CloudWatch EMF) when they are on.
 */
public final class RequestRecord {

    /** Request attribute (and MCP transport-context key) under which the record travels. */
    public static final String ATTRIBUTE = RequestRecord.class.getName();

    private static final ThreadLocal<RequestRecord> CURRENT = new ThreadLocal<>();

    final String httpMethod;
    /** The path as routed (decoded, normalized); {@link #rawPath} is what the client sent, when it differs. */
    final String path;
    final @Nullable String rawPath;
    /** The endpoint it reached ({@code /mcp} …), or {@code null} for an unknown path. */
    final @Nullable String endpoint;
    @Nullable String client;
    @Nullable String keyId;
    @Nullable String rpcMethod;
    @Nullable String rpcId;
    @Nullable String tool;
    volatile @Nullable Boolean toolError;
    volatile @Nullable Integer rpcError;
    int status;

    RequestRecord(String httpMethod, String path, String rawPath, @Nullable String endpoint) {
        this.httpMethod = httpMethod;
        this.path = path;
        this.rawPath = path.equals(rawPath) ? null : rawPath;
        this.endpoint = endpoint;
    }

    /** The record of the request this thread is serving, or {@code null} outside a request. */
    public static RequestRecord current() {
        return CURRENT.get();
    }

    void bindToThread() {
        CURRENT.set(this);
    }

    static void unbindFromThread() {
        CURRENT.remove();
    }

    /** Set when the call ended as a tool error ({@code isError}). */
    public void toolOutcome(boolean isError) {
        this.toolError = isError;
    }

    /** Set when the answer is a JSON-RPC error object with this code. */
    public void rpcError(int code) {
        this.rpcError = code;
    }

    /**
     * Whether the request counts in the {@code Errors} metric: a 5xx answer, a JSON-RPC error
     * answer, or a tool result with {@code isError}. Refusals (4xx) are the client's doing.
     */
    boolean failed() {
        return status >= 500 || rpcError != null || Boolean.TRUE.equals(toolError);
    }

    /**
     * Writes the request line when the log level lets it through (with the metrics when
     * {@code metrics} is set), or a short {@code request_metrics} line with only the metrics.
     */
    void write(long durationNanos, @Nullable EmfMetrics metrics) {
        JsonLog.Level level = status >= 500 ? JsonLog.Level.ERROR : JsonLog.Level.INFO;
        boolean logged = JsonLog.enabled(level);
        boolean metered = metrics != null && metrics.covers(endpoint);
        if (!logged && !metered) {
            return;
        }
        double durationMillis = Math.round(durationNanos / 1_000.0) / 1_000.0;
        Instant now = Instant.now();
        StringBuilder line = JsonLog.begin(level, logged ? "request" : "request_metrics", now);
        if (logged) {
            JsonLog.field(line, "http_method", httpMethod);
            JsonLog.field(line, "path", path);
            JsonLog.field(line, "raw_path", rawPath);
            JsonLog.field(line, "status", status);
            JsonLog.field(line, "duration_ms", durationMillis);
            JsonLog.field(line, "rpc_method", rpcMethod);
            JsonLog.field(line, "tool", tool);
            JsonLog.field(line, "tool_error", toolError);
            JsonLog.field(line, "rpc_error", rpcError);
            JsonLog.field(line, "key_id", keyId);
            JsonLog.field(line, "client", client);
        }
        if (metered && metrics != null) {
            metrics.append(line, now.toEpochMilli(), failed(), "GET".equals(httpMethod) ? -1 : durationMillis);
        }
        JsonLog.end(line);
    }
}
