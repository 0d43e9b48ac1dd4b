package com.mcpportal.mcpserver.tools;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A tool's parameters, declared once: they give the JSON input schema the client sees and the
 * checks every call passes before anything is sent upstream, so the two cannot drift apart.
 */
final class Params {

    private final Map<String, Param> params = new LinkedHashMap<>();

    Params requiredString(String name, String description) {
        return add(new Param(name, Param.Kind.STRING, description, true, null, null, null, null, null));
    }

    Params string(String name, String description) {
        return string(name, description, null);
    }

    Params string(String name, String description, @Nullable String defaultValue) {
        return add(new Param(name, Param.Kind.STRING, description, false, defaultValue, null, null, null, null));
    }

    Params choice(String name, String description, @Nullable String defaultValue, List<String> choices) {
        return add(new Param(name, Param.Kind.STRING, description, false, defaultValue, null, null, choices, null));
    }

    Params number(String name, String description, @Nullable Double defaultValue, double min, double max) {
        return add(new Param(name, Param.Kind.NUMBER, description, false, defaultValue, min, max, null, null));
    }

    Params integer(String name, String description, @Nullable Long defaultValue, long min, long max) {
        return add(new Param(name, Param.Kind.INTEGER, description, false, defaultValue,
                (double) min, (double) max, null, null));
    }

    Params bool(String name, String description, boolean defaultValue) {
        return add(new Param(name, Param.Kind.BOOLEAN, description, false, defaultValue, null, null, null, null));
    }

    Params strings(String name, String description, boolean required, int maxItems) {
        return add(new Param(name, Param.Kind.STRING_LIST, description, required, null, null, null, null,
                maxItems));
    }

    Params object(String name, String description) {
        return add(new Param(name, Param.Kind.OBJECT, description, false, null, null, null, null, null));
    }

    Params objects(String name, String description, int maxItems) {
        return add(new Param(name, Param.Kind.OBJECT_LIST, description, false, null, null, null, null,
                maxItems));
    }

    /** Where files go in files and both modes; every tool that makes audio has it. */
    Params outputDirectory() {
        return string("output_directory", "Directory, inside the server's base path, where files are saved "
                + "(only used when the server saves files).");
    }

    /** ElevenLabs' output formats, as the official server documents them. */
    Params outputFormat() {
        return choice("output_format", "Output format, codec_samplerate_bitrate. mp3_44100_192 needs the "
                + "Creator tier or above, pcm_44100 the Pro tier; ulaw_8000 suits Twilio.",
                AudioFormat.DEFAULT_OUTPUT_FORMAT, AudioFormat.OUTPUT_FORMATS);
    }

    /** The JSON schema of the arguments object. */
    Map<String, Object> schema() {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (Param p : params.values()) {
            Map<String, Object> property = new LinkedHashMap<>();
            property.put("type", p.kind().jsonType);
            property.put("description", p.description());
            if (p.choices() != null) {
                property.put("enum", p.choices());
            }
            if (p.defaultValue() != null) {
                property.put("default", p.defaultValue());
            }
            Double min = p.min();
            Double max = p.max();
            if (min != null && max != null) {
                property.put("minimum", p.kind() == Param.Kind.INTEGER ? (Object) min.longValue() : min);
                property.put("maximum", p.kind() == Param.Kind.INTEGER ? (Object) max.longValue() : max);
            }
            if (p.kind() == Param.Kind.STRING_LIST) {
                property.put("items", Map.of("type", "string"));
            } else if (p.kind() == Param.Kind.OBJECT_LIST) {
                property.put("items", Map.of("type", "object"));
            }
            if (p.maxItems() != null) {
                property.put("maxItems", p.maxItems());
            }
            if (p.required() && p.kind() == Param.Kind.STRING) {
                property.put("minLength", 1);
            }
            properties.put(p.name(), property);
            if (p.required()) {
                required.add(p.name());
            }
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        // A misspelt argument (voiceId) would otherwise silently fall back to a default.
        schema.put("additionalProperties", false);
        return schema;
    }

    /** Checks the raw arguments against the declarations and fills in defaults. */
    Arguments read(Map<String, Object> raw) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : raw.entrySet()) {
            if (!params.containsKey(entry.getKey())) {
                throw new ToolInputException("Unknown argument '" + entry.getKey() + "'. "
                        + (params.isEmpty() ? "This tool takes no arguments."
                        : "Valid arguments: " + String.join(", ", params.keySet()) + "."));
            }
        }
        for (Param p : params.values()) {
            Object value = raw.get(p.name());
            if (value == null) {
                if (p.required()) {
                    throw new ToolInputException("Missing required argument '" + p.name() + "': "
                            + p.description());
                }
                if (p.defaultValue() != null) {
                    values.put(p.name(), p.defaultValue());
                }
                continue;
            }
            values.put(p.name(), check(p, value));
        }
        return new Arguments(values);
    }

    private Params add(Param param) {
        params.put(param.name(), param);
        return this;
    }

    private static Object check(Param p, Object value) {
        switch (p.kind()) {
            case STRING -> {
                String text = require(p, value, String.class, "a string");
                if (p.required() && text.isBlank()) {
                    throw new ToolInputException("Argument '" + p.name() + "' must not be empty.");
                }
                if (p.choices() != null && !p.choices().contains(text)) {
                    throw new ToolInputException("Argument '" + p.name() + "' must be one of: "
                            + String.join(", ", p.choices()) + " (was '" + text + "').");
                }
                return text;
            }
            case NUMBER -> {
                double number = number(p, value);
                inRange(p, number);
                return number;
            }
            case INTEGER -> {
                double number = number(p, value);
                if (number != Math.rint(number) || Math.abs(number) > 1e15) {
                    throw new ToolInputException("Argument '" + p.name() + "' must be a whole number (was "
                            + format(number) + ").");
                }
                inRange(p, number);
                return (long) number;
            }
            case BOOLEAN -> {
                return require(p, value, Boolean.class, "true or false");
            }
            case OBJECT -> {
                return require(p, value, Map.class, "a JSON object");
            }
            default -> {
                List<?> list = require(p, value, List.class, "a JSON array");
                if (p.maxItems() != null && list.size() > p.maxItems()) {
                    throw new ToolInputException("Argument '" + p.name() + "' takes at most " + p.maxItems()
                            + " items (got " + list.size() + ").");
                }
                Class<?> itemType = p.kind() == Param.Kind.STRING_LIST ? String.class : Map.class;
                for (Object item : list) {
                    if (!itemType.isInstance(item)) {
                        throw new ToolInputException("Argument '" + p.name() + "' must be an array of "
                                + (itemType == String.class ? "strings." : "JSON objects."));
                    }
                }
                return list;
            }
        }
    }

    private static <T> T require(Param p, Object value, Class<T> type, String expected) {
        if (!type.isInstance(value)) {
            throw new ToolInputException("Argument '" + p.name() + "' must be " + expected + " (was "
                    + describe(value) + ").");
        }
        return type.cast(value);
    }

    private static double number(Param p, Object value) {
        if (!(value instanceof Number number) || !Double.isFinite(number.doubleValue())) {
            throw new ToolInputException("Argument '" + p.name() + "' must be a number (was "
                    + describe(value) + ").");
        }
        return number.doubleValue();
    }

    private static void inRange(Param p, double number) {
        Double min = p.min();
        Double max = p.max();
        if (min != null && max != null && (number < min || number > max)) {
            throw new ToolInputException("Argument '" + p.name() + "' must be between " + format(min)
                    + " and " + format(max) + " (was " + format(number) + ").");
        }
    }

    private static String describe(Object value) {
        if (value instanceof String s) {
            return "the string '" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "'";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "an array";
        }
        return String.valueOf(value);
    }

    static String format(double number) {
        return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
    }
}
