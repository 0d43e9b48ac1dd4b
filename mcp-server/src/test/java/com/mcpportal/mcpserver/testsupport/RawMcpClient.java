package com.mcpportal.mcpserver.testsupport;

import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bare Streamable HTTP client on java.net.http, for tests that need to send exactly the bytes
 * and headers they choose (bad ones included) and see the raw answer.
 */
public final class RawMcpClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI endpoint;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String sessionId;
    private int nextId = 1;

    public RawMcpClient(URI endpoint) {
        this.endpoint = endpoint;
    }

    public RawMcpClient header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public RawMcpClient bearer(String key) {
        return header("Authorization", "Bearer " + key);
    }

    public String sessionId() {
        return sessionId;
    }

    /** POSTs {@code body} with the headers a well-behaved client sends, plus ours. */
    public HttpResponse<String> post(String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (sessionId != null) {
            request.header("Mcp-Session-Id", sessionId);
        }
        headers.forEach(request::setHeader);
        return send(request.build());
    }

    public static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** initialize + notifications/initialized; keeps the session id. */
    public Map<String, Object> initialize() {
        HttpResponse<String> response = post(message("initialize", Map.of("protocolVersion", "2025-06-18",
                "capabilities", Map.of(), "clientInfo", Map.of("name", "test", "version", "1"))));
        expectOk(response);
        sessionId = response.headers().firstValue("Mcp-Session-Id").orElse(null);
        post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        return result(response);
    }

    /** Sends a request and returns its JSON-RPC response object (result or error). */
    public Map<String, Object> call(String method, Map<String, Object> params) {
        HttpResponse<String> response = post(message(method, params));
        expectOk(response);
        return response(response);
    }

    public Map<String, Object> callTool(String name, Map<String, Object> arguments) {
        return call("tools/call", Map.of("name", name, "arguments", arguments));
    }

    public String message(String method, Map<String, Object> params) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("jsonrpc", "2.0");
        message.put("id", nextId++);
        message.put("method", method);
        if (params != null) {
            message.put("params", params);
        }
        return JSON.writeValueAsString(message);
    }

    /** The JSON-RPC message in a JSON body or in the first SSE {@code data:} line. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> response(HttpResponse<String> response) {
        String body = response.body();
        String json = body;
        if (response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
            json = body.lines().filter(line -> line.startsWith("data:")).map(line -> line.substring(5).trim())
                    .findFirst().orElseThrow(() -> new AssertionError("no data line in " + body));
        }
        return JSON.readValue(json, Map.class);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> result(HttpResponse<String> response) {
        return (Map<String, Object>) response(response).get("result");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> json(String body) {
        return JSON.readValue(body, Map.class);
    }

    private static void expectOk(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new AssertionError("expected 200, got " + response.statusCode() + ": " + response.body());
        }
    }
}
