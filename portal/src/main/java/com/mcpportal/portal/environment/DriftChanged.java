package com.mcpportal.portal.environment;

/**
 * Published when the drift check finds an environment's cloud resources no longer as the portal left them, or in line
 * again, inside the transaction that audits it (notifications listen before it commits).
 *
 * @param expected    what the portal expects, e.g. {@code NAT running, service 1 task}
 * @param actual      what the cloud reported
 * @param differences what differs, in words; null once resolved
 */
public record DriftChanged(long environmentId, long teamId, String environmentName, boolean drifted, String expected,
                           String actual, String differences) {
}
