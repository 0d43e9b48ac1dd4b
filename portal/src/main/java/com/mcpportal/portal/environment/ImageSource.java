package com.mcpportal.portal.environment;

/** Where the MCP server's container image comes from. */
public enum ImageSource {
    /** The MCP server this portal carries, published by the portal into the environment's ECR repository. */
    PUBLISHED,
    /** A team's own image in the environment's ECR repository (created by provisioning), by tag. */
    REPOSITORY,
    /** A team's own image anywhere, by URI, e.g. a shared registry. */
    URI
}
