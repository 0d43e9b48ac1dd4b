package com.mcpportal.portal.cost.pricing;

import java.util.Map;

/**
 * AWS usage types carry the region as a billing-code prefix ("EUC1-Fargate-GB-Hours"). Codes from AWS's
 * "Region billing codes" page; eu-west-1 is plain "EU". In us-east-1 some services prefix ("USE1-Fargate…",
 * "USE1-PublicIPv4…", "USE1-DataProcessing-Bytes", "USE1-ApiGatewayHttpRequest") and older EC2-family
 * ones do not ("EBS:VolumeUsage.gp3", "NatGateway-Hours", ECR's "TimedStorage-ByteHrs"), hence two helpers.
 */
final class UsageTypes {

    private static final Map<String, String> BILLING_CODES = Map.ofEntries(
            Map.entry("us-east-1", "USE1"), Map.entry("us-east-2", "USE2"), Map.entry("us-west-1", "USW1"),
            Map.entry("us-west-2", "USW2"), Map.entry("ca-central-1", "CAN1"), Map.entry("sa-east-1", "SAE1"),
            Map.entry("eu-west-1", "EU"), Map.entry("eu-west-2", "EUW2"), Map.entry("eu-west-3", "EUW3"),
            Map.entry("eu-central-1", "EUC1"), Map.entry("eu-central-2", "EUC2"), Map.entry("eu-north-1", "EUN1"),
            Map.entry("eu-south-1", "EUS1"), Map.entry("ap-south-1", "APS3"), Map.entry("ap-south-2", "APS5"),
            Map.entry("ap-southeast-1", "APS1"), Map.entry("ap-southeast-2", "APS2"), Map.entry("ap-northeast-1", "APN1"),
            Map.entry("ap-northeast-2", "APN2"), Map.entry("ap-northeast-3", "APN3"), Map.entry("ap-east-1", "APE1"));

    private UsageTypes() {
    }

    static String billingCode(String region) {
        String code = BILLING_CODES.get(region);
        if (code == null) {
            throw new IllegalArgumentException("No AWS billing code known for region " + region);
        }
        return code;
    }

    /** Prefixed in every region, us-east-1 included. */
    static String prefixed(String region, String usageType) {
        return billingCode(region) + "-" + usageType;
    }

    /** Unprefixed in us-east-1, prefixed elsewhere. */
    static String bare(String region, String usageType) {
        return "us-east-1".equals(region) ? usageType : prefixed(region, usageType);
    }
}
