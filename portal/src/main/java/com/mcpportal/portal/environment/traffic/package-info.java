/**
 * The MCP servers' request and error counts (read through the cloud's metrics port), the environment page's chart and
 * the periodic error-rate check that flags an environment ({@code portal.monitoring.*}, see {@code ErrorRateSettings}).
 */
package com.mcpportal.portal.environment.traffic;
