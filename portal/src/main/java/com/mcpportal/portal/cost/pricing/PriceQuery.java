package com.mcpportal.portal.cost.pricing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One GetProducts question: a service code and TERM_MATCH filters (field to exact value). Built by
 * {@link #forKey}, which knows each component's usage type and the region prefixes AWS bills under.
 */
record PriceQuery(String serviceCode, Map<String, String> filters) {

    PriceQuery {
        filters = Collections.unmodifiableMap(new LinkedHashMap<>(filters));
    }

    /** The usage type the answer must carry, when the query filters on one. */
    Optional<String> usageType() {
        return Optional.ofNullable(filters.get("usagetype"));
    }

    /** Empty for components the Pricing API is not asked about (their usage type is not confirmed). */
    static Optional<PriceQuery> forKey(PriceKey key) {
        String region = key.region();
        return switch (key.component()) {
            case FARGATE_X86_VCPU_HOUR -> regional("AmazonECS", region, UsageTypes.prefixed(region, "Fargate-vCPU-Hours:perCPU"));
            case FARGATE_X86_GB_HOUR -> regional("AmazonECS", region, UsageTypes.prefixed(region, "Fargate-GB-Hours"));
            case FARGATE_ARM_VCPU_HOUR -> regional("AmazonECS", region, UsageTypes.prefixed(region, "Fargate-ARM-vCPU-Hours:perCPU"));
            case FARGATE_ARM_GB_HOUR -> regional("AmazonECS", region, UsageTypes.prefixed(region, "Fargate-ARM-GB-Hours"));
            case EC2_INSTANCE_HOUR -> Optional.of(new PriceQuery("AmazonEC2", Map.of(
                    "regionCode", region, "instanceType", key.variant(), "operatingSystem", "Linux",
                    "tenancy", "Shared", "preInstalledSw", "NA", "capacitystatus", "Used")));
            case EBS_GP3_GB_MONTH -> regional("AmazonEC2", region, UsageTypes.bare(region, "EBS:VolumeUsage.gp3"));
            case PUBLIC_IPV4_HOUR -> regional("AmazonVPC", region, UsageTypes.prefixed(region, "PublicIPv4:InUseAddress"));
            case LOGS_INGESTED_GB -> regional("AmazonCloudWatch", region, UsageTypes.prefixed(region, "DataProcessing-Bytes"));
            case LOGS_STORED_GB_MONTH -> regional("AmazonCloudWatch", region, UsageTypes.prefixed(region, "TimedStorage-ByteHrs"));
            case ECR_STORAGE_GB_MONTH -> regional("AmazonECR", region, UsageTypes.bare(region, "TimedStorage-ByteHrs"));
            case HTTP_API_REQUEST -> regional("AmazonApiGateway", region, UsageTypes.prefixed(region, "ApiGatewayHttpRequest"));
            // Route 53 is global: its offer has no regionCode.
            case CLOUD_MAP_HOSTED_ZONE_MONTH -> Optional.of(new PriceQuery("AmazonRoute53", Map.of("usagetype", "HostedZone")));
            case CLOUD_MAP_INSTANCE_MONTH -> Optional.empty();
            case NAT_GATEWAY_HOUR -> regional("AmazonEC2", region, UsageTypes.bare(region, "NatGateway-Hours"));
            case NAT_GATEWAY_GB -> regional("AmazonEC2", region, UsageTypes.bare(region, "NatGateway-Bytes"));
        };
    }

    private static Optional<PriceQuery> regional(String serviceCode, String region, String usageType) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("regionCode", region);
        filters.put("usagetype", usageType);
        return Optional.of(new PriceQuery(serviceCode, filters));
    }
}
