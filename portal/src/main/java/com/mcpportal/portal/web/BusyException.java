package com.mcpportal.portal.web;

import org.jspecify.annotations.Nullable;

/**
 * A conflict that ends by itself: another operation (or the first of two identical requests) is still running, so
 * the same request succeeds once it has finished. Pages show it like any conflict; the REST API answers 409 with
 * the problem type {@code busy} and {@code Retry-After}, so scripts know to wait and retry instead of giving up.
 */
public class BusyException extends ConflictException {

    private final @Nullable Long operationId;

    public BusyException(String message) {
        this(message, null);
    }

    /** @param operationId the operation in the way, when there is one */
    public BusyException(String message, @Nullable Long operationId) {
        super(message);
        this.operationId = operationId;
    }

    public @Nullable Long operationId() {
        return operationId;
    }
}
