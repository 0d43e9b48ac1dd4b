package com.mcpportal.mcpserver;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

/**
 * A training run for the class-data-sharing archive: starts on a free port with a throwaway key,
 * sends the requests a real client sends (health, initialize, tools/list, a bad call, a refused
 * call), and reports whether they answered as expected.
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
        HttpClient client = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + port;
        try {
            expect(200, client.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString()));
            HttpResponse<String> init = post(client, base, key, null,
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                            + "\"capabilities\":{},\"clientInfo\":{\"name\":\"warmup\",\"version\":\"1\"}}}");
            expect(200, init);
            String session = init.headers().firstValue("Mcp-Session-Id").orElse(null);
            expect(202, post(client, base, key, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"));
            expect(200, post(client, base, key, session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}"));
            expect(200, post(client, base, key, session,
                    "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":\"no_such_tool\"}}"));
            expect(400, post(client, base, key, session, "{not json"));
            expect(401, post(client, base, "wrong-key", session, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/list\"}"));
            return 0;
        } catch (Exception e) {
            System.err.println("mcp-server: warm-up failed: " + e);
            return 1;
        }
    }

    private static HttpResponse<String> post(HttpClient client, String base, String key, String session, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/mcp"))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            request.header("Mcp-Session-Id", session);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ", expected " + status);
        }
    }
}
