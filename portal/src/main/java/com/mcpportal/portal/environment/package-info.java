/**
 * Environments: one MCP server deployment each, created and changed here ({@link
 * com.mcpportal.portal.environment.EnvironmentService}) and run by {@code operation}. Other features read them
 * through {@code EnvironmentService} and {@link com.mcpportal.portal.environment.EnvironmentQueries}, never through
 * the environment table; settings {@code portal.environments.*} are in {@code EnvironmentSettings}.
 */
package com.mcpportal.portal.environment;
