package com.mcpportal.mcpserver.http;

import com.mcpportal.mcpserver.testsupport.RawMcpClient;
import com.mcpportal.mcpserver.testsupport.RunningServer;
import com.mcpportal.mcpserver.testsupport.TestTools;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** MCP_SERVER_STATELESS=true: no sessions, every POST stands alone, errors stay JSON. */
class StatelessModeIntegrationTests {

    private static final String KEY = "stateless-test-key-0123456789";

    @Test
    void requestsWorkWithoutASessionAndAnswerPlainJson() {
        try (RunningServer server = RunningServer.start(Map.of("MCP_SERVER_API_KEY", KEY,
                "MCP_SERVER_STATELESS", "true"), TestTools.all())) {
            RawMcpClient client = server.client().bearer(KEY);
            client.initialize();
            assertThat(client.sessionId()).isNull();

            HttpResponse<String> list = client.post(client.message("tools/list", null));
            assertThat(list.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(RawMcpClient.result(list).toString()).contains("echo", "beep", "slow", "boom");

            assertThat(server.client().bearer(KEY).callTool("echo", Map.of("text", "no session")).toString())
                    .contains("echo: no session");
            assertThat(client.callTool("boom", Map.of()).toString()).contains("isError=true")
                    .doesNotContain("secret detail");

            BadInputIntegrationTests.assertSafeJsonError(client.post("{\"nope\":1}"), 400);
            BadInputIntegrationTests.assertSafeJsonError(client.post("{"), 400);
        }
    }
}
