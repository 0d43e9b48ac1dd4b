package com.mcpportal.mcpserver.testsupport;

import com.mcpportal.mcpserver.Env;
import com.mcpportal.mcpserver.McpServerApp;
import com.mcpportal.mcpserver.tools.ToolDefinition;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The HTTP server started in this JVM on a free loopback port, with the tools a test chooses. */
public final class RunningServer implements AutoCloseable {

    private final McpServerApp app;

    private RunningServer(McpServerApp app) {
        this.app = app;
    }

    public static RunningServer start(Map<String, String> env, List<ToolDefinition> tools) {
        Map<String, String> vars = new HashMap<>(env);
        vars.put("PORT", "0");
        vars.put("MCP_SERVER_BIND_ADDRESS", "127.0.0.1");
        return new RunningServer(McpServerApp.start(new Env(vars), tools));
    }

    public int port() {
        return app.port();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + app.port() + path);
    }

    public RawMcpClient client() {
        return new RawMcpClient(uri("/mcp"));
    }

    public McpServerApp app() {
        return app;
    }

    @Override
    public void close() {
        app.close();
    }
}
