package com.mcpportal.portal.environment;

/**
 * Which way a provisioned environment moves while its network move runs: {@link #INTO} the shared network its
 * placement names (from its own network), or {@link #OUT_OF} it (into a network of its own again).
 */
public enum NetworkMoveDirection {
    INTO,
    OUT_OF
}
