package com.mcpportal.mcpserver.log;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Structured logs: one JSON object per line, written straight to stdout (stderr in stdio mode,
 * where stdout carries the protocol). CloudWatch reads each line as one event.
 */
public final class JsonLog {

    /** Severity, in increasing order. */
    public enum Level { DEBUG, INFO, WARN, ERROR }

    private static volatile OutputStream out = System.out;
    private static volatile Level threshold = Level.INFO;

    private JsonLog() {
    }

    /** Sends every following line to {@code stream} and drops lines below {@code level}. */
    public static void configure(OutputStream stream, Level level) {
        out = stream;
        threshold = level;
    }

    public static boolean enabled(Level level) {
        return level.compareTo(threshold) >= 0;
    }

    /** Parses a level name such as {@code warn}; {@code null} if it is not one. */
    public static @Nullable Level parseLevel(String name) {
        try {
            return Level.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static void info(String event, @Nullable Object... keyValues) {
        log(Level.INFO, event, keyValues);
    }

    public static void warn(String event, @Nullable Object... keyValues) {
        log(Level.WARN, event, keyValues);
    }

    public static void error(String event, @Nullable Object... keyValues) {
        log(Level.ERROR, event, keyValues);
    }

    /**
     * Writes {@code {"ts":…,"level":…,"event":…,key:value…}}. Values may be strings, numbers,
     * booleans or {@code null} (the pair is then left out).
     */
    public static void log(Level level, String event, @Nullable Object... keyValues) {
        if (!enabled(level)) {
            return;
        }
        StringBuilder line = begin(level, event);
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            field(line, (String) keyValues[i], keyValues[i + 1]);
        }
        end(line);
    }

    /** Starts a line; add fields with {@link #field} and finish with {@link #end}. */
    public static StringBuilder begin(Level level, String event) {
        return begin(level, event, Instant.now());
    }

    /** {@link #begin(Level, String)} with the line's time stamp given. */
    public static StringBuilder begin(Level level, String event, Instant ts) {
        StringBuilder line = new StringBuilder(192);
        line.append("{\"ts\":\"").append(ts).append("\",\"level\":\"").append(level)
                .append("\",\"event\":");
        JsonText.quote(line, event);
        return line;
    }

    public static StringBuilder field(StringBuilder line, String key, @Nullable Object value) {
        if (value == null) {
            return line;
        }
        line.append(',');
        JsonText.quote(line, key).append(':');
        if (value instanceof Number || value instanceof Boolean) {
            line.append(value);
        } else {
            JsonText.quote(line, value.toString());
        }
        return line;
    }

    public static void end(StringBuilder line) {
        line.append("}\n");
        byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
        OutputStream target = out;
        try {
            // One write per line keeps concurrent lines from interleaving.
            synchronized (JsonLog.class) {
                target.write(bytes);
                target.flush();
            }
        } catch (IOException e) {
            // Nowhere left to report a broken stdout; dropping the line is all we can do.
        }
    }
}
