package com.mcpportal.portal.cloud;

/** The public HTTPS entry of an environment: API Gateway HTTP API, VPC link and integration. */
public record Ingress(String apiId, String vpcLinkId, String integrationId, String endpoint) {

    /** The URL MCP clients use: the API's endpoint plus {@code /mcp}. */
    public String mcpUrl() {
        return endpoint + "/mcp";
    }
}
