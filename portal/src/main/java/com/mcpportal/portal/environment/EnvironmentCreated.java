package com.mcpportal.portal.environment;

/**
 * Published inside the transaction that creates an environment, so features that keep something per environment
 * (its schedule) can create it in the same transaction: both commit, or neither.
 */
public record EnvironmentCreated(long environmentId, long teamId) {
}
