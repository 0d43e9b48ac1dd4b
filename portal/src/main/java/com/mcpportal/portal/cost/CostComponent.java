package com.mcpportal.portal.cost;

/** One row of the estimate table (and one slice of the per-component chart). */
public enum CostComponent {
    FARGATE("Fargate task"),
    NAT_INSTANCE("NAT instance"),
    PUBLIC_IPV4("Public IPv4 address"),
    NAT_ROOT_VOLUME("NAT root volume (EBS gp3)"),
    LOG_INGESTION("CloudWatch Logs ingestion"),
    LOG_STORAGE("CloudWatch Logs storage"),
    ECR_STORAGE("ECR image storage"),
    API_REQUESTS("API Gateway HTTP API requests"),
    CLOUD_MAP("Cloud Map"),
    NAT_GATEWAY("NAT gateway"),
    NAT_GATEWAY_DATA("NAT gateway data processing");

    private final String label;

    CostComponent(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
