package com.mcpportal.portal.cost.pricing;

import com.mcpportal.portal.cloud.Architecture;

/** Every AWS rate an environment estimate needs, with the unit AWS bills it in. */
public enum PriceComponent {
    FARGATE_X86_VCPU_HOUR("vCPU-hour", "Fargate x86 vCPU"),
    FARGATE_X86_GB_HOUR("GB-hour", "Fargate x86 memory"),
    FARGATE_ARM_VCPU_HOUR("vCPU-hour", "Fargate ARM vCPU"),
    FARGATE_ARM_GB_HOUR("GB-hour", "Fargate ARM memory"),
    /** Linux on-demand, shared tenancy; the price key's variant is the instance type. */
    EC2_INSTANCE_HOUR("instance-hour", "EC2 instance"),
    EBS_GP3_GB_MONTH("GB-month", "EBS gp3 storage"),
    PUBLIC_IPV4_HOUR("address-hour", "public IPv4 address"),
    LOGS_INGESTED_GB("GB ingested", "CloudWatch Logs ingestion"),
    LOGS_STORED_GB_MONTH("GB-month", "CloudWatch Logs storage"),
    ECR_STORAGE_GB_MONTH("GB-month", "ECR storage"),
    /** First tier (the first 300 million requests a month). */
    HTTP_API_REQUEST("request", "API Gateway HTTP API request"),
    /** A Cloud Map private DNS namespace is a Route 53 private hosted zone (global price). */
    CLOUD_MAP_HOSTED_ZONE_MONTH("hosted-zone-month", "Route 53 hosted zone"),
    CLOUD_MAP_INSTANCE_MONTH("instance-month", "Cloud Map registered instance"),
    NAT_GATEWAY_HOUR("gateway-hour", "NAT gateway"),
    NAT_GATEWAY_GB("GB processed", "NAT gateway data processing");

    private final String unit;
    private final String label;

    PriceComponent(String unit, String label) {
        this.unit = unit;
        this.label = label;
    }

    public String unit() {
        return unit;
    }

    public String label() {
        return label;
    }

    /** Fargate's vCPU-hour rate for the architecture: ARM (Graviton) costs about 20% less. */
    public static PriceComponent fargateVcpu(Architecture architecture) {
        return architecture == Architecture.ARM64 ? FARGATE_ARM_VCPU_HOUR : FARGATE_X86_VCPU_HOUR;
    }

    /** Fargate's GB-hour rate for the architecture. */
    public static PriceComponent fargateMemory(Architecture architecture) {
        return architecture == Architecture.ARM64 ? FARGATE_ARM_GB_HOUR : FARGATE_X86_GB_HOUR;
    }
}
