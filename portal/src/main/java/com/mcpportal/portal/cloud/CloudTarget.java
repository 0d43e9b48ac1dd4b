package com.mcpportal.portal.cloud;

import java.util.Objects;

/**
 * Where an environment's resources live: a portal cloud account (its id, plus the role to assume
 * in it, if any) and a region. With no role ARN the portal's own credentials chain is used.
 */
public record CloudTarget(String accountId, String region, String roleArn, String externalId) {

    public CloudTarget {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(region, "region");
        if (region.isBlank()) {
            throw new IllegalArgumentException("region is required");
        }
        roleArn = blankToNull(roleArn);
        externalId = blankToNull(externalId);
    }

    /** A target that uses the portal's default credentials chain. */
    public static CloudTarget defaultCredentials(String accountId, String region) {
        return new CloudTarget(accountId, region, null, null);
    }

    public boolean assumesRole() {
        return roleArn != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
