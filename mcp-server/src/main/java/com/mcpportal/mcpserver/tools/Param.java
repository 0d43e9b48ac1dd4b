package com.mcpportal.mcpserver.tools;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One declared tool parameter: its JSON type, default, bounds and allowed values. */
record Param(String name, Kind kind, String description, boolean required, @Nullable Object defaultValue,
             @Nullable Double min, @Nullable Double max, @Nullable List<String> choices, @Nullable Integer maxItems) {

    /** The JSON shapes a parameter can take. */
    enum Kind {
        STRING("string"), NUMBER("number"), INTEGER("integer"), BOOLEAN("boolean"),
        STRING_LIST("array"), OBJECT("object"), OBJECT_LIST("array");

        final String jsonType;

        Kind(String jsonType) {
            this.jsonType = jsonType;
        }
    }
}
