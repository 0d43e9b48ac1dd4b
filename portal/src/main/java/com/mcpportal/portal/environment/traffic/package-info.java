/**
 * The MCP servers' request and error counts (read through the cloud's metrics port), the environment page's chart and
 * the periodic error-rate check that flags an environment ({@code portal.monitoring.*}, see {@code ErrorRateSettings});
 * a flag raised or cleared is published as {@link com.mcpportal.portal.environment.ErrorRateCrossed} (notifications).
 */
package com.mcpportal.portal.environment.traffic;
