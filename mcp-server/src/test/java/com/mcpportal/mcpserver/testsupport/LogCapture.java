package com.mcpportal.mcpserver.testsupport;

import com.mcpportal.mcpserver.log.JsonLog;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
    public String awaitLine(Predicate<String> matching) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(lines()).as("log lines").anyMatch(matching));
        return lines().stream().filter(matching).findFirst().orElseThrow();
    }

    public String text() {
        return String.join("\n", lines());
    }

    @Override
    public void close() {
        JsonLog.configure(System.out, JsonLog.Level.INFO);
    }
}
