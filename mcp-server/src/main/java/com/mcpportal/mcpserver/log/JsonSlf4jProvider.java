package com.mcpportal.mcpserver.log;

import org.jspecify.annotations.Nullable;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Routes the MCP SDK's SLF4J logging into {@link JsonLog}: same JSON lines, no logging framework
 * to load at start-up.
 */
public final class JsonSlf4jProvider implements SLF4JServiceProvider {

    private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
    private final ILoggerFactory factory = name -> loggers.computeIfAbsent(name, JsonLogger::new);
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    @Override
    public ILoggerFactory getLoggerFactory() {
        return factory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // Nothing to set up: JsonLog is configured by the entry point.
    }

    private static final class JsonLogger extends LegacyAbstractLogger {

        JsonLogger(String name) {
            this.name = name;
        }

        /** Library chatter (the SDK logs every initialize at INFO) shows only at DEBUG. */
        private static boolean on(JsonLog.Level level) {
            return JsonLog.enabled(level) && (level.compareTo(JsonLog.Level.WARN) >= 0 || JsonLog.enabled(JsonLog.Level.DEBUG));
        }

        @Override
        public boolean isTraceEnabled() {
            return false;
        }

        @Override
        public boolean isDebugEnabled() {
            return on(JsonLog.Level.DEBUG);
        }

        @Override
        public boolean isInfoEnabled() {
            return on(JsonLog.Level.INFO);
        }

        @Override
        public boolean isWarnEnabled() {
            return on(JsonLog.Level.WARN);
        }

        @Override
        public boolean isErrorEnabled() {
            return on(JsonLog.Level.ERROR);
        }

        @Override
        protected @Nullable String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern,
                Object[] arguments, Throwable throwable) {
            JsonLog.Level ours = switch (level) {
                case ERROR -> JsonLog.Level.ERROR;
                case WARN -> JsonLog.Level.WARN;
                case INFO -> JsonLog.Level.INFO;
                default -> JsonLog.Level.DEBUG;
            };
            if (!on(ours)) {
                return;
            }
            String message = MessageFormatter.basicArrayFormat(pattern, arguments);
            JsonLog.log(ours, "library", "logger", name, "message", message,
                    "error", throwable == null ? null : throwable.toString());
        }
    }
}
