package com.mcpportal.portal.environment;

/**
 * Published when an environment's MCP error rate is flagged or cleared, inside the transaction that records the
 * crossing (notifications listen before it commits).
 *
 * @param errorRate the judged window's rate as shown, e.g. {@code 20%}
 * @param threshold the flag's threshold as shown, e.g. {@code 5%}
 * @param window    the judged window in words, e.g. {@code last 1 h and the current hour}
 */
public record ErrorRateCrossed(long environmentId, long teamId, String environmentName, boolean flagged,
                               String errorRate, long requests, long errors, String threshold, String window) {
}
