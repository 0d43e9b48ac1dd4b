package com.mcpportal.portal.web;

import org.jspecify.annotations.Nullable;

/**
 * A business rule rejected user input (a duplicate name, removing the last owner). Controllers show the message
 * beside {@link #field()} (or as a page message when it is null); services throw it before writing anything.
 */
public class InvalidInputException extends RuntimeException {

    private final @Nullable String field;

    public InvalidInputException(@Nullable String field, String message) {
        super(message);
        this.field = field;
    }

    public @Nullable String field() {
        return field;
    }
}
