package com.mcpportal.mcpserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A training run for the class-data-sharing archive or AOT cache: starts on a free port with a throwaway key,
 * sends the requests a real client sends (health, initialize, tools/list, a bad call, a refused call), and reports
 * whether they answered as expected. The requests go over a plain socket, not {@code java.net.http}: the archive
 * is to hold what the server loads, and the JDK's HTTP client (about 1,100 classes with its TLS set-up, which a
 * JDK 25 AOT cache would load at every start) is not part of that.
 */
final class Warmup {

    private Warmup() {
    }

    static void prepare(Map<String, String> vars) {
        vars.put("PORT", "0");
        vars.put("MCP_SERVER_BIND_ADDRESS", "127.0.0.1");
        vars.put("MCP_SERVER_API_KEY", "warmup-" + UUID.randomUUID());
        vars.remove("MCP_SERVER_KEYS_FILE");
        vars.remove("MCP_SERVER_KEYS_SSM_PARAMETER");
        vars.remove("MCP_SERVER_AUTH");
        vars.putIfAbsent("ELEVENLABS_API_KEY", "warmup-placeholder");
    }

    /** @return 0 when every answer had the expected status */
    static int exercise(int port, String key) {
        try {
            expect(200, send(port, "GET", "/health", null, null, null), "/health");
            Answer init = send(port, "POST", "/mcp", key, null,
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                            + "\"capabilities\":{},\"clientInfo\":{\"name\":\"warmup\",\"version\":\"1\"}}}");
            expect(200, init, "initialize");
            String session = init.session();
            expect(202, send(port, "POST", "/mcp", key, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"),
                    "notifications/initialized");
            Answer tools = send(port, "POST", "/mcp", key, session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
            expect(200, tools, "tools/list");
            if (!tools.text().contains("\"inputSchema\"")) {
                throw new IllegalStateException("tools/list answered without tools");
            }
            expect(200, send(port, "POST", "/mcp", key, session,
                    "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"no_such_tool\"}}"), "tools/call");
            expect(400, send(port, "POST", "/mcp", key, session, "{not json"), "a malformed request");
            expect(401, send(port, "POST", "/mcp", "wrong-key", session,
                    "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/list\"}"), "a wrong key");
            return 0;
        } catch (IOException | RuntimeException e) {
            System.err.println("mcp-server: warm-up failed: " + e);
            return 1;
        }
    }

    /** One HTTP/1.1 exchange on its own connection ({@code Connection: close}), read to the end. */
    private record Answer(int status, String text) {

        @Nullable String session() {
            for (String line : text.split("\r\n")) {
                if (line.isEmpty()) {
                    break;
                }
                if (line.toLowerCase(Locale.ROOT).startsWith("mcp-session-id:")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
            return null;
        }
    }

    private static Answer send(int port, String method, String path, @Nullable String key, @Nullable String session,
            @Nullable String body) throws IOException {
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder(method).append(' ').append(path)
                .append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        if (key != null) {
            request.append("Authorization: Bearer ").append(key).append("\r\n")
                    .append("Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\n");
        }
        if (session != null) {
            request.append("Mcp-Session-Id: ").append(session).append("\r\n");
        }
        if (body != null) {
            request.append("Content-Length: ").append(payload.length).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(payload);
            out.flush();
            InputStream in = socket.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = text.startsWith("HTTP/1.1 ") && text.length() >= 12 ? Integer.parseInt(text.substring(9, 12)) : -1;
            return new Answer(status, text);
        }
    }

    private static void expect(int status, Answer answer, String what) {
        if (answer.status() != status) {
            throw new IllegalStateException(what + " answered " + answer.status() + ", expected " + status);
        }
    }
}
