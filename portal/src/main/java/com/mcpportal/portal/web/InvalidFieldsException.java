package com.mcpportal.portal.web;

import java.util.List;

/**
 * Input refused field by field (fields in Spring's binding syntax, e.g. {@code windows[2].end}); nothing was saved.
 * Pages put each message beside its field; the REST API answers 422 with the list.
 */
public class InvalidFieldsException extends RuntimeException {

    /** One refused field and why. */
    public record FieldMessage(String field, String message) {
    }

    private final transient List<FieldMessage> fieldMessages;

    public InvalidFieldsException(String message, List<FieldMessage> fieldMessages) {
        super(message);
        this.fieldMessages = List.copyOf(fieldMessages);
    }

    public List<FieldMessage> fieldMessages() {
        return fieldMessages;
    }
}
