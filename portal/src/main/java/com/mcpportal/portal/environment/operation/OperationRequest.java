package com.mcpportal.portal.environment.operation;

/**
 * The answer to a request for an operation: enqueued, refused because another operation is in flight, or refused
 * because the environment is not in a state that allows it.
 * <pre>{@code
 * if (operations.requestStart(id, Actor.scheduler(reason)) instanceof OperationRequest.Busy busy) { … }
 * }</pre>
 */
public sealed interface OperationRequest {

    /** A sentence for a flash message or a log line. */
    String message();

    default boolean accepted() {
        return this instanceof Enqueued;
    }

    /** The operation was stored and handed to Quartz; it runs shortly on any portal instance. */
    record Enqueued(long operationId, OperationKind kind) implements OperationRequest {
        @Override
        public String message() {
            return kind.label() + " started; follow its progress below.";
        }
    }

    /** Another operation is queued or running on this environment; nothing was enqueued. */
    record Busy(long operationId, OperationKind runningKind) implements OperationRequest {
        @Override
        public String message() {
            return "Another operation (" + runningKind.label().toLowerCase() + ") is in progress on this environment;"
                    + " try again when it has finished.";
        }
    }

    /** The environment's state does not allow the operation (e.g. start on a draft); nothing was enqueued. */
    record Refused(String reason) implements OperationRequest {
        @Override
        public String message() {
            return reason;
        }
    }
}
