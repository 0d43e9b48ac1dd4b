package com.mcpportal.portal.web;

import org.jspecify.annotations.Nullable;

/**
 * A business rule rejected user input (a duplicate name, removing the last owner). Controllers show the message
 * beside {@link #field()} (or as a page message when it is null); services throw it before writing anything.
 */
public class InvalidInputException extends RuntimeException {

    private final @Nullable String field;
    private final String message;

    public InvalidInputException(@Nullable String field, String message) {
        super(message);
        this.field = field;
        this.message = message;
    }

    /** The text shown to the user: always given, so callers pass it on without a null check. */
    @Override
    public String getMessage() {
        return message;
    }

    public @Nullable String field() {
        return field;
    }
}
