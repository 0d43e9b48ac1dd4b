package com.mcpportal.portal.environment.operation;

/**
 * Published when an operation ends, inside the transaction that records it; listen with
 * {@code @TransactionalEventListener} to act after it committed (e.g. publish an environment's key set once it
 * is provisioned).
 */
public record OperationFinished(long environmentId, long operationId, OperationKind kind, boolean succeeded) {
}
