package com.mcpportal.mcpserver.http;

import com.mcpportal.mcpserver.log.JsonLog;

/**
 * What one HTTP request did, filled in as it passes the filters and the tool adapter, then written
 * as one log line. Metrics (CloudWatch EMF) can be emitted from the same record.
 */
public final class RequestRecord {

    /** Request attribute (and MCP transport-context key) under which the record travels. */
    public static final String ATTRIBUTE = RequestRecord.class.getName();

    final String httpMethod;
    final String path;
    String client;
    String keyId;
    String rpcMethod;
    String rpcId;
    String tool;
    volatile Boolean toolError;
    int status;

    RequestRecord(String httpMethod, String path) {
        this.httpMethod = httpMethod;
        this.path = path;
    }

    /** Set by the tool adapter: whether the call ended as a tool error ({@code isError}). */
    public void toolOutcome(boolean isError) {
        this.toolError = isError;
    }

    void write(long durationNanos) {
        JsonLog.Level level = status >= 500 ? JsonLog.Level.ERROR : JsonLog.Level.INFO;
        if (!JsonLog.enabled(level)) {
            return;
        }
        StringBuilder line = JsonLog.begin(level, "request");
        JsonLog.field(line, "http_method", httpMethod);
        JsonLog.field(line, "path", path);
        JsonLog.field(line, "status", status);
        JsonLog.field(line, "duration_ms", Math.round(durationNanos / 1_000.0) / 1_000.0);
        JsonLog.field(line, "rpc_method", rpcMethod);
        JsonLog.field(line, "tool", tool);
        JsonLog.field(line, "tool_error", toolError);
        JsonLog.field(line, "key_id", keyId);
        JsonLog.field(line, "client", client);
        JsonLog.end(line);
    }
}
