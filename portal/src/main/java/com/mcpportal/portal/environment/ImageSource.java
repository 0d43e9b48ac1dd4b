package com.mcpportal.portal.environment;

/** Where the MCP server's container image comes from. */
public enum ImageSource {
    /** The environment's own ECR repository (created by provisioning), with a tag. */
    REPOSITORY,
    /** Any image URI, e.g. a shared registry. */
    URI
}
