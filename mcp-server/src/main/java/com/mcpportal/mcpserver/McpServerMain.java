package com.mcpportal.mcpserver;

import com.mcpportal.mcpserver.elevenlabs.ElevenLabsSettings;
import com.mcpportal.mcpserver.log.JsonLog;
import com.mcpportal.mcpserver.mcp.McpEndpoints;
import com.mcpportal.mcpserver.tools.ElevenLabsToolset;
import com.mcpportal.mcpserver.tools.ToolDefinition;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Entry point of the ElevenLabs MCP server. {@code java -jar mcp-server.jar} serves HTTP;
 * {@code --stdio} serves one client over stdin/stdout; {@code --warmup} starts, exercises the
 * HTTP paths once and exits (to record a class-data-sharing archive at image build time).
 */
public final class McpServerMain {

    /** Exit status for configuration errors. */
    static final int CONFIG_ERROR = 2;

    private McpServerMain() {
    }

    public static void main(String[] args) {
        Set<String> flags = Set.of(args);
        boolean stdio = flags.contains("--stdio");
        Map<String, String> vars = new HashMap<>(System.getenv());
        if (flags.contains("--warmup")) {
            Warmup.prepare(vars);
        }
        Env env = new Env(vars);
        CompletableFuture<List<ToolDefinition>> tools;
        McpServerApp app = null;
        try {
            configureLogging(env, stdio);
            ElevenLabsSettings elevenLabs = ElevenLabsSettings.fromEnvironment(vars);
            // Building the toolset (HTTP clients, schemas) overlaps with the server's own start-up.
            tools = CompletableFuture.supplyAsync(() -> new ElevenLabsToolset(elevenLabs).tools(), McpServerMain::daemon);
            if (!stdio) {
                app = McpServerApp.start(env, tools);
            }
        } catch (IllegalArgumentException e) {
            // One line that names the variable; no stack trace for a configuration mistake.
            System.err.println("mcp-server: configuration error: " + e.getMessage());
            System.exit(CONFIG_ERROR);
            return;
        }
        if (stdio) {
            McpEndpoints.serveStdio(tools.join());
            return;
        }
        McpServerApp running = Objects.requireNonNull(app, "started unless --stdio");
        if (flags.contains("--warmup")) {
            // Warmup.prepare set the key.
            int status = Warmup.exercise(running.port(), Objects.requireNonNull(vars.get("MCP_SERVER_API_KEY")));
            running.close();
            System.exit(status);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(running::close, "graceful-shutdown"));
    }

    private static void daemon(Runnable task) {
        Thread thread = new Thread(task, "toolset-init");
        thread.setDaemon(true);
        thread.start();
    }

    private static void configureLogging(Env env, boolean stdio) {
        String name = env.text("MCP_SERVER_LOG_LEVEL").orElse("info");
        JsonLog.Level level = JsonLog.parseLevel(name);
        if (level == null) {
            throw Env.invalid("MCP_SERVER_LOG_LEVEL", "must be debug, info, warn or error, got \"" + name + "\"");
        }
        // In stdio mode stdout is the protocol channel: logs must go to stderr.
        JsonLog.configure(new FileOutputStream(stdio ? FileDescriptor.err : FileDescriptor.out), level);
    }
}
