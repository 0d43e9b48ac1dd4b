package com.mcpportal.portal.cloud;

import java.time.Instant;
import java.util.List;

/**
 * Where the portal reads what an environment's MCP server answered: the per-request metrics the server emits
 * (CloudWatch Embedded Metric Format, namespace {@value #NAMESPACE}, dimension {@value #DIMENSION}; see
 * mcp-server/README.md "Metrics"), summed per hour. A port of its own, beside {@link CloudProvider}: reading
 * figures is no provisioning step.
 */
public interface McpMetricsSource {

    /** The namespace the mcp-server writes its metrics to. */
    String NAMESPACE = "McpPortal/McpServer";
    /** The one dimension of those metrics; its value is the environment id. */
    String DIMENSION = "EnvironmentId";
    /** Metric names: requests answered, and those that failed (5xx, JSON-RPC errors, tool errors). */
    String REQUESTS = "Requests";
    String ERRORS = "Errors";

    /**
     * Requests and errors per whole UTC hour, oldest first, one entry for every hour from {@code from} (rounded
     * down to the hour) up to {@code to} (exclusive, rounded up): hours without requests count zero, the current
     * hour holds what has been answered so far.
     *
     * @throws CloudException when the figures cannot be read (access denied, throttled, unreachable …)
     */
    List<HourlyRequests> hourlyRequests(EnvironmentRef env, Instant from, Instant to);
}
