package com.mcpportal.mcpserver.testsupport;

import com.mcpportal.mcpserver.log.JsonLog;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Captures the JSON log lines this JVM writes while a test runs. */
public final class LogCapture implements AutoCloseable {

    private final ByteArrayOutputStream lines = new ByteArrayOutputStream();

    private LogCapture(JsonLog.Level level) {
        JsonLog.configure(lines, level);
    }

    public static LogCapture start() {
        return new LogCapture(JsonLog.Level.INFO);
    }

    /** Captures only lines at {@code level} and above, as {@code MCP_SERVER_LOG_LEVEL} would. */
    public static LogCapture start(JsonLog.Level level) {
        return new LogCapture(level);
    }

    public synchronized List<String> lines() {
        return lines.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /**
     * Waits until a line matches: request lines are written after the response has gone out, so a
     * client can see its answer a moment before the server logs it.
     */
    public String awaitLine(java.util.function.Predicate<String> matching) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            for (String line : lines()) {
                if (matching.test(line)) {
                    return line;
                }
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no matching log line in:\n" + text());
    }

    public String text() {
        return String.join("\n", lines());
    }

    @Override
    public void close() {
        JsonLog.configure(System.out, JsonLog.Level.INFO);
    }
}
