package com.mcpportal.mcpserver.mcp;

import com.mcpportal.mcpserver.testsupport.RawMcpClient;
import com.mcpportal.mcpserver.testsupport.TestTools;
import com.mcpportal.mcpserver.tools.ToolDefinition;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ToolListJsonCacheTests {

    private final McpJsonMapper plain = McpJsonDefaults.getMapper();
    private final ToolListJsonCache cached = new ToolListJsonCache(plain);
    private final List<McpSchema.Tool> tools = TestTools.all().stream().map(ToolDefinition::tool).toList();

    @Test
    void answersExactlyWhatTheSdkMapperWouldForEachRequestId() throws Exception {
        for (Object id : List.of(1, "req-\"2\"", 3L)) {
            McpSchema.JSONRPCResponse response = McpSchema.JSONRPCResponse.result(id,
                    McpSchema.ListToolsResult.builder(new ArrayList<>(tools)).build());
            assertThat(RawMcpClient.json(cached.writeValueAsString(response)))
                    .isEqualTo(RawMcpClient.json(plain.writeValueAsString(response)));
        }
    }

    @Test
    void aDifferentToolListIsSerializedAfresh() throws Exception {
        cached.writeValueAsString(McpSchema.JSONRPCResponse.result(1, McpSchema.ListToolsResult.builder(tools).build()));
        List<McpSchema.Tool> fewer = tools.subList(0, 1);

        String json = cached.writeValueAsString(McpSchema.JSONRPCResponse.result(2,
                McpSchema.ListToolsResult.builder(fewer).build()));

        assertThat(json).contains("\"echo\"").doesNotContain("\"beep\"");
    }

    @Test
    void otherMessagesAndPagedListsGoStraightToTheSdkMapper() throws Exception {
        McpSchema.JSONRPCResponse paged = McpSchema.JSONRPCResponse.result(1,
                new McpSchema.ListToolsResult(tools, "next-page"));
        assertThat(cached.writeValueAsString(paged)).isEqualTo(plain.writeValueAsString(paged));
        McpSchema.JSONRPCResponse other = McpSchema.JSONRPCResponse.result(1, McpSchema.CallToolResult.builder()
                .addTextContent("hi").build());
        assertThat(cached.writeValueAsString(other)).isEqualTo(plain.writeValueAsString(other));
    }
}
