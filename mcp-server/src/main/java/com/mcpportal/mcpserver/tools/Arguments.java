package com.mcpportal.mcpserver.tools;

import java.util.List;
import java.util.Map;

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
    String string(String name) {
        return (String) values.get(name);
    }

    Double number(String name) {
        return (Double) values.get(name);
    }

    Long integer(String name) {
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
    Map<String, Object> object(String name) {
        return (Map<String, Object>) values.get(name);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> objects(String name) {
        return (List<Map<String, Object>>) values.getOrDefault(name, List.of());
    }
}
