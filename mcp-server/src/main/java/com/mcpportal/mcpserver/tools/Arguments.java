package com.mcpportal.mcpserver.tools;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A tool call's arguments after {@link Params#read}: types checked, defaults filled in. */
final class Arguments {

    private final Map<String, Object> values;

    Arguments(Map<String, Object> values) {
        this.values = values;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    /** The string, or null when the caller gave none and there is no default. */
    @Nullable String string(String name) {
        return (String) values.get(name);
    }

    /**
     * The string of a required parameter or one with a default, which {@link Params#read} always fills in;
     * a missing one is the caller's mistake, said as such.
     */
    String require(String name) {
        if (values.get(name) instanceof String text) {
            return text;
        }
        throw new ToolInputException("Missing required argument '" + name + "'.");
    }

    @Nullable Double number(String name) {
        return (Double) values.get(name);
    }

    /** The integer of a parameter with a default, which {@link Params#read} always fills in. */
    long requireInteger(String name) {
        if (values.get(name) instanceof Long number) {
            return number;
        }
        throw new ToolInputException("Missing required argument '" + name + "'.");
    }

    @Nullable Long integer(String name) {
        return (Long) values.get(name);
    }

    boolean bool(String name) {
        return Boolean.TRUE.equals(values.get(name));
    }

    @SuppressWarnings("unchecked")
    List<String> strings(String name) {
        return (List<String>) values.getOrDefault(name, List.of());
    }

    @SuppressWarnings("unchecked")
    @Nullable Map<String, Object> object(String name) {
        return (Map<String, Object>) values.get(name);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> objects(String name) {
        return (List<Map<String, Object>>) values.getOrDefault(name, List.of());
    }
}
