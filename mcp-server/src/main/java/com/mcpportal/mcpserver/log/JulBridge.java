package com.mcpportal.mcpserver.log;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Sends java.util.logging (Tomcat's logging) to {@link JsonLog}, warnings and worse only. */
public final class JulBridge extends Handler {

    private JulBridge() {
    }

    /** Replaces the JDK's console handler; Tomcat's INFO chatter would cost start-up time and log volume. */
    public static void install() {
        LogManager.getLogManager().reset();
        Logger root = Logger.getLogger("");
        root.setLevel(JsonLog.enabled(JsonLog.Level.DEBUG) ? Level.FINE : Level.WARNING);
        root.addHandler(new JulBridge());
    }

    @Override
    public void publish(LogRecord record) {
        int value = record.getLevel().intValue();
        JsonLog.Level level = value >= Level.SEVERE.intValue() ? JsonLog.Level.ERROR
                : value >= Level.WARNING.intValue() ? JsonLog.Level.WARN
                : value >= Level.INFO.intValue() ? JsonLog.Level.INFO : JsonLog.Level.DEBUG;
        String message = record.getMessage();
        if (record.getParameters() != null && message != null && message.contains("{0")) {
            message = java.text.MessageFormat.format(message, record.getParameters());
        }
        Throwable thrown = record.getThrown();
        JsonLog.log(level, "library", "logger", record.getLoggerName(), "message", message,
                "error", thrown == null ? null : thrown.toString());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
