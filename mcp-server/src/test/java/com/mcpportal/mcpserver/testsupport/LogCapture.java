package com.mcpportal.mcpserver.testsupport;

import com.mcpportal.mcpserver.log.JsonLog;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Captures the JSON log lines this JVM writes while a test runs. */
public final class LogCapture implements AutoCloseable {

    private final ByteArrayOutputStream lines = new ByteArrayOutputStream();

    private LogCapture() {
        JsonLog.configure(lines, JsonLog.Level.INFO);
    }

    public static LogCapture start() {
        return new LogCapture();
    }

    public synchronized List<String> lines() {
        return lines.toString(StandardCharsets.UTF_8).lines().toList();
    }

    public String text() {
        return String.join("\n", lines());
    }

    @Override
    public void close() {
        JsonLog.configure(System.out, JsonLog.Level.INFO);
    }
}
