package com.mcpportal.mcpserver.http;

import com.mcpportal.mcpserver.testsupport.LogCapture;
import com.mcpportal.mcpserver.testsupport.RawHttp;
import com.mcpportal.mcpserver.testsupport.RawMcpClient;
import com.mcpportal.mcpserver.testsupport.RunningServer;
import com.mcpportal.mcpserver.testsupport.TestTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever a client sends, the answer is short JSON without internals, and the server keeps
 * serving afterwards.
 */
class BadInputIntegrationTests {

    private static final String KEY = "bad-input-test-key-0123456789";
    private static RunningServer server;
    private RawMcpClient client;

    @BeforeAll
    static void startServer() {
        server = RunningServer.start(Map.of("MCP_SERVER_API_KEY", KEY, "MCP_SERVER_MAX_REQUEST_BYTES", "65536"),
                TestTools.all());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void connect() {
        client = server.client().bearer(KEY);
        client.initialize();
    }

    @AfterEach
    void serverStillServes() {
        RawMcpClient fresh = server.client().bearer(KEY);
        fresh.initialize();
        assertThat(fresh.callTool("echo", Map.of("text", "still here")).toString()).contains("echo: still here");
    }

    @Test
    void malformedJsonIsAParseError() {
        HttpResponse<String> response = client.post("{\"jsonrpc\":\"2.0\",\"method\":");
        assertSafeJsonError(response, 400);
        assertThat(error(response)).containsEntry("code", -32700);
    }

    @Test
    void jsonThatIsNotJsonRpcIsAnInvalidRequest() {
        HttpResponse<String> notRpc = client.post("{\"hello\":\"world\"}");
        assertSafeJsonError(notRpc, 400);
        assertThat(error(notRpc).get("message")).isEqualTo("Invalid JSON-RPC message");

        HttpResponse<String> batch = client.post("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}]");
        assertSafeJsonError(batch, 400);
        assertThat(error(batch)).containsEntry("code", -32600);
    }

    @Test
    void unknownToolIsAJsonRpcError() {
        Map<String, Object> response = client.callTool("no_such_tool", Map.of());
        assertThat(response).containsKey("error");
        assertThat(response.toString()).doesNotContain("Exception", "at io.");
    }

    @Test
    void wrongArgumentTypesComeBackAsAToolError() {
        Map<String, Object> response = client.callTool("echo", Map.of("text", 5));
        assertThat(response.get("result")).asString().contains("isError=true", "input validation failed");

        Map<String, Object> missing = client.callTool("echo", Map.of());
        assertThat(missing.get("result")).asString().contains("isError=true");
    }

    @Test
    void aToolThatThrowsGivesAToolErrorWithoutItsInternals() {
        Map<String, Object> response = client.callTool("boom", Map.of());
        assertThat(response.get("result")).asString().contains("isError=true", "failed unexpectedly")
                .doesNotContain("secret detail", "IllegalStateException", "io.example");
    }

    @Test
    void oversizeBodyGets413() {
        String text = "x".repeat(70_000);
        HttpResponse<String> response = client.post(client.message("tools/call",
                Map.of("name", "echo", "arguments", Map.of("text", text))));
        assertSafeJsonError(response, 413);
        assertThat(error(response).get("message")).asString().contains("65536");
    }

    @Test
    void missingAcceptHeaderIsExplainedInJson() {
        HttpRequest request = HttpRequest.newBuilder(server.uri("/mcp")).header("Authorization", "Bearer " + KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(client.message("initialize", Map.of(
                        "protocolVersion", "2025-06-18", "capabilities", Map.of(),
                        "clientInfo", Map.of("name", "t", "version", "1"))))).build();
        HttpResponse<String> response = RawMcpClient.send(request);
        assertSafeJsonError(response, 400);
        assertThat(error(response).get("message")).asString().contains("text/event-stream required in Accept header");
    }

    @Test
    void wrongContentTypeIs415() {
        HttpResponse<String> response = client.header("Content-Type", "text/plain")
                .post(client.message("tools/list", null));
        assertSafeJsonError(response, 415);
    }

    @Test
    void unknownSessionIs404SoClientsReinitialize() {
        HttpResponse<String> response = server.client().bearer(KEY).header("Mcp-Session-Id", "no-such-session")
                .post(client.message("tools/list", null));
        assertSafeJsonError(response, 404);
        assertThat(error(response).get("message")).asString().startsWith("Session not found");
    }

    @Test
    void unknownPathsAndMethodsAnswerJson() {
        HttpResponse<String> unknownPath = RawMcpClient.send(HttpRequest.newBuilder(server.uri("/nope"))
                .header("Authorization", "Bearer " + KEY).build());
        assertSafeJsonError(unknownPath, 404);

        HttpResponse<String> put = RawMcpClient.send(HttpRequest.newBuilder(server.uri("/mcp"))
                .header("Authorization", "Bearer " + KEY).PUT(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertSafeJsonError(put, 405);

        HttpResponse<String> getWithoutSession = RawMcpClient.send(HttpRequest.newBuilder(server.uri("/mcp"))
                .header("Authorization", "Bearer " + KEY).header("Accept", "text/event-stream").build());
        assertSafeJsonError(getWithoutSession, 400);

        HttpResponse<String> postToHealth = RawMcpClient.send(HttpRequest.newBuilder(server.uri("/health"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertSafeJsonError(postToHealth, 405);
    }

    @Test
    void methodsAnEndpointDoesNotServeAre405WithAllowNeverAServerError() {
        try (LogCapture log = LogCapture.start()) {
            for (String[] call : new String[][] {{"PROPFIND", "/health", "GET, HEAD"}, {"post", "/mcp", "GET, POST, DELETE"},
                    {"OPTIONS", "/mcp", "GET, POST, DELETE"}, {"HEAD", "/sse", "GET"}, {"GET", "/message", "POST"}}) {
                HttpResponse<String> response = RawMcpClient.send(HttpRequest.newBuilder(server.uri(call[1]))
                        .header("Authorization", "Bearer " + KEY).method(call[0], HttpRequest.BodyPublishers.noBody()).build());

                assertThat(response.statusCode()).as(call[0] + " " + call[1]).isEqualTo(405);
                assertThat(response.headers().firstValue("Allow")).as(call[0] + " " + call[1]).hasValue(call[2]);
                if (!call[0].equals("HEAD")) {
                    assertSafeJsonError(response, 405);
                }
            }
            assertThat(log.lines()).noneMatch(line -> line.contains("\"level\":\"ERROR\""));
        }
    }

    @Test
    void aBodyThatCannotBeReadIsABadRequestNotAServerFailure() {
        try (LogCapture log = LogCapture.start()) {
            for (String chunks : new String[] {"zz\r\nabc\r\n0\r\n\r\n", "3\r\nabcdef\r\n0\r\n\r\n"}) {
                RawHttp.Response answer = RawHttp
                        .exchange(server.port(), "POST /mcp HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                                + "Authorization: Bearer " + KEY + "\r\nContent-Type: application/json\r\n"
                                + "Accept: application/json, text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n" + chunks);

                assertThat(answer.status()).as(chunks).isEqualTo(400);
                assertThat(answer.body()).as(chunks).contains("\"code\":-32600").doesNotContain("Exception");
            }
            log.awaitLine(line -> line.contains("\"event\":\"request\"") && line.contains("\"status\":400"));
            assertThat(log.lines()).noneMatch(line -> line.contains("\"level\":\"ERROR\""));
        }
    }

    @Test
    void legacyMessageEndpointErrorsAreJsonToo() {
        HttpResponse<String> noSession = RawMcpClient.send(HttpRequest.newBuilder(server.uri("/message"))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(client.message("tools/list", null))).build());
        assertSafeJsonError(noSession, 400);

        HttpResponse<String> unknownSession = RawMcpClient.send(HttpRequest.newBuilder(server.uri("/message?sessionId=x"))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(client.message("tools/list", null))).build());
        assertSafeJsonError(unknownSession, 404);
    }

    @Test
    void aQueryStringThatCannotBeDecodedIsTheClientsMistakeNotAServerError() {
        try (LogCapture log = LogCapture.start()) {
            for (String query : new String[] {"sessionId=%ff", "sessionId=s%c0%af", "sessionId=a&x=%e2%82"}) {
                HttpResponse<String> response = RawMcpClient.send(HttpRequest.newBuilder(server.uri("/message?" + query))
                        .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(client.message("tools/list", null))).build());

                assertSafeJsonError(response, 400);
                assertThat(error(response).get("message")).as(query).isEqualTo("Bad request: the query string cannot be decoded");
            }
            assertThat(log.lines()).noneMatch(line -> line.contains("\"level\":\"ERROR\""));
        }
    }

    @Test
    void eachCallIsOneLogLineWithToolAndOutcomeButNeverTheKey() {
        try (LogCapture log = LogCapture.start()) {
            client.callTool("echo", Map.of("text", "logged"));
            client.callTool("boom", Map.of());
            client.post("{broken");

            assertThat(log.awaitLine(line -> line.contains("\"tool\":\"echo\"")))
                    .contains("\"event\":\"request\"", "\"rpc_method\":\"tools/call\"", "\"tool_error\":false",
                            "\"status\":200", "\"key_id\":\"env\"", "\"client\":\"127.0.0.1\"");
            assertThat(log.awaitLine(line -> line.contains("\"tool\":\"boom\"") && line.contains("\"event\":\"request\"")))
                    .contains("\"tool_error\":true");
            assertThat(log.awaitLine(line -> line.contains("\"event\":\"tool_failed\""))).contains("secret detail");
            log.awaitLine(line -> line.contains("\"event\":\"request\"") && line.contains("\"status\":400"));
            assertThat(log.lines()).filteredOn(line -> line.contains("\"tool\":\"echo\"")).hasSize(1);
            assertThat(log.text()).doesNotContain(KEY);
        }
    }

    @Test
    void containerLevelErrorsAreJsonToo() throws Exception {
        // Requests Tomcat itself refuses, before any filter or servlet runs.
        assertThat(rawExchange("GET /%zz HTTP/1.1\r\nHost: localhost\r\n\r\n"))
                .startsWith("HTTP/1.1 400").contains("application/json", "\"jsonrpc\":\"2.0\"").doesNotContain("<html");
        assertThat(rawExchange("GET /health HTTP/1.1\r\nHost: bad host\r\n\r\n"))
                .startsWith("HTTP/1.1 400").contains("application/json").doesNotContain("<html", "Tomcat");
        assertThat(rawExchange("TRACE /mcp HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 405").contains("application/json").doesNotContain("<html");
    }

    private static String rawExchange(String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            byte[] buffer = new byte[4096];
            int read = socket.getInputStream().read(buffer);
            return new String(buffer, 0, Math.max(read, 0), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    static void assertSafeJsonError(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).doesNotContain("at io.", "Exception", "stackTrace", "<html", "Tomcat");
        Map<String, Object> body = RawMcpClient.json(response.body());
        assertThat(body).containsEntry("jsonrpc", "2.0").containsKey("error");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> error(HttpResponse<String> response) {
        return (Map<String, Object>) RawMcpClient.json(response.body()).get("error");
    }
}
