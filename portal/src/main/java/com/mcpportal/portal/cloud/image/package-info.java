/**
 * Publishes the MCP server the portal carries as an OCI image with Jib ({@code portal.images.*}, see
 * {@code cloud/package-info.java}); the only package that uses Jib. The AWS adapter pushes with it into ECR.
 */
package com.mcpportal.portal.cloud.image;
