package com.mcpportal.mcpserver.tools;

import java.util.List;

/** One declared tool parameter: its JSON type, default, bounds and allowed values. */
record Param(String name, Kind kind, String description, boolean required, Object defaultValue,
             Double min, Double max, List<String> choices, Integer maxItems) {

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
