/**
 * Updating an environment's MCP server: the versions the portal carries, update policies with their off-hours
 * auto-update pass (a clustered Quartz job), and deploys of a team's own image pinned by digest.
 */
package com.mcpportal.portal.environment.update;
