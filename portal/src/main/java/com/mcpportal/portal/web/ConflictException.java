package com.mcpportal.portal.web;

/**
 * The request is valid but the resource's current state forbids it (an operation is running, the environment is
 * deleted, the form was already submitted). Pages show it like any rejected input; the REST API answers 409.
 */
public class ConflictException extends InvalidInputException {

    public ConflictException(String message) {
        super(null, message);
    }
}
