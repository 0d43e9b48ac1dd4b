package com.mcpportal.mcpserver.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The official TypeScript MCP SDK client ({@code src/test/interop/mcp-client.mjs}) run by node.
 * Installs the pinned npm packages with {@code npm ci} the first time if {@code .ci/run} has not.
 */
public final class TypeScriptClient {

    private static final Path DIR = Path.of("src", "test", "interop").toAbsolutePath();

    private TypeScriptClient() {
    }

    /** What the script printed: {@code serverName}, {@code tools}, {@code result}, or {@code error}. */
    public static Map<String, Object> run(String transport, String url, String key, String tool, String argumentsJson) {
        installIfMissing();
        List<String> command = new ArrayList<>(List.of("node", "mcp-client.mjs", transport, url, key == null ? "-" : key));
        if (tool != null) {
            command.add(tool);
            command.add(argumentsJson);
        }
        String output = exec(command, 120);
        String last = output.lines().reduce((first, second) -> second).orElse("");
        try {
            return RawMcpClient.json(last);
        } catch (RuntimeException e) {
            throw new AssertionError("node printed no JSON result: " + output, e);
        }
    }

    private static synchronized void installIfMissing() {
        if (Files.isDirectory(DIR.resolve("node_modules/@modelcontextprotocol/sdk"))) {
            return;
        }
        exec(List.of("npm", "ci", "--no-audit", "--no-fund", "--silent"), 300);
    }

    private static String exec(List<String> command, int timeoutSeconds) {
        try {
            Process process = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " timed out");
            }
            return new String(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + " (node and npm must be on PATH)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
