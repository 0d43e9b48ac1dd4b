package com.mcpportal.portal.web;

/**
 * A business rule rejected user input (a duplicate name, removing the last owner). Controllers show the message
 * beside {@link #field()} (or as a page message when it is null); services throw it before writing anything.
 */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
