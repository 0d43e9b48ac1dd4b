package com.mcpportal.mcpserver;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Typed reads of environment variables. Every failure is an {@link IllegalArgumentException} whose
 * one-line message starts with the variable's name, so the server can exit with exactly that line.
 */
public final class Env {

    private final Map<String, String> vars;

    public Env(Map<String, String> vars) {
        this.vars = vars;
    }

    public Map<String, String> asMap() {
        return vars;
    }

    /** The trimmed value, empty when unset or blank. */
    public Optional<String> text(String name) {
        String value = vars.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    public int integer(String name, int defaultValue, int min, int max) {
        Optional<String> value = text(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // Reported below, with the accepted range.
        }
        throw invalid(name, "must be a whole number from " + min + " to " + max + ", got \"" + value.get() + "\"");
    }

    public Duration seconds(String name, int defaultSeconds, int min, int max) {
        return Duration.ofSeconds(integer(name, defaultSeconds, min, max));
    }

    public boolean flag(String name, boolean defaultValue) {
        Optional<String> value = text(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        return switch (value.get().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw invalid(name, "must be true or false, got \"" + value.get() + "\"");
        };
    }

    /** A comma-separated list, items trimmed, blanks dropped; empty when unset. */
    public List<String> list(String name) {
        return text(name).map(value -> Arrays.stream(value.split(","))
                .map(String::trim).filter(item -> !item.isEmpty()).toList()).orElse(List.of());
    }

    public static IllegalArgumentException invalid(String name, String problem) {
        return new IllegalArgumentException(name + " " + problem);
    }
}
