package com.mcpportal.portal.cost;

import java.math.BigDecimal;
import java.util.Objects;

import com.mcpportal.portal.cloud.Architecture;

/**
 * What an environment is made of, as far as the bill cares. Usage figures (logs, requests, NAT traffic) are
 * the user's expectation per month; the what-if form changes any of them.
 *
 * @param natRootVolumeGb      the NAT instance's gp3 root volume, billed while the instance is stopped too
 * @param logRetentionDays     CloudWatch log group retention (at least one day)
 * @param natTrafficGbPerMonth only for the NAT gateway comparison: a NAT instance does not charge per GB
 */
public record EnvironmentSizing(BigDecimal vcpu, BigDecimal memoryGb, Architecture architecture, boolean fargateSpot,
                                String natInstanceType, boolean natSpot, NatPublicIp natPublicIp, int natRootVolumeGb,
                                BigDecimal logIngestGbPerMonth, int logRetentionDays, BigDecimal ecrStorageGb,
                                long apiRequestsPerMonth, boolean cloudMap, BigDecimal natTrafficGbPerMonth) {

    public EnvironmentSizing {
        requireNotNegative(vcpu, "vcpu");
        requireNotNegative(memoryGb, "memoryGb");
        requireNotNegative(logIngestGbPerMonth, "logIngestGbPerMonth");
        requireNotNegative(ecrStorageGb, "ecrStorageGb");
        requireNotNegative(natTrafficGbPerMonth, "natTrafficGbPerMonth");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(natPublicIp, "natPublicIp");
        if (natInstanceType == null || natInstanceType.isBlank()) {
            throw new IllegalArgumentException("natInstanceType is required");
        }
        if (natRootVolumeGb < 0 || apiRequestsPerMonth < 0) {
            throw new IllegalArgumentException("Volume size and request count cannot be negative");
        }
        if (logRetentionDays < 1) {
            throw new IllegalArgumentException("logRetentionDays must be at least 1: logs kept forever have no monthly cost");
        }
    }

    /** The seed's environment: 0.25 vCPU / 0.5 GB ARM, t4g.nano NAT, 8 GB root, 7-day logs, modest usage. */
    public static EnvironmentSizing defaults() {
        return new EnvironmentSizing(new BigDecimal("0.25"), new BigDecimal("0.5"), Architecture.ARM64, false,
                "t4g.nano", false, NatPublicIp.AUTO_ASSIGNED, 8, new BigDecimal("0.5"), 7, new BigDecimal("0.5"),
                100_000, true, BigDecimal.ONE);
    }

    public EnvironmentSizing withFargate(BigDecimal newVcpu, BigDecimal newMemoryGb, Architecture newArchitecture) {
        return new EnvironmentSizing(newVcpu, newMemoryGb, newArchitecture, fargateSpot, natInstanceType, natSpot,
                natPublicIp, natRootVolumeGb, logIngestGbPerMonth, logRetentionDays, ecrStorageGb, apiRequestsPerMonth,
                cloudMap, natTrafficGbPerMonth);
    }

    public EnvironmentSizing withNat(String instanceType, boolean spot, NatPublicIp publicIp, int rootVolumeGb) {
        return new EnvironmentSizing(vcpu, memoryGb, architecture, fargateSpot, instanceType, spot, publicIp,
                rootVolumeGb, logIngestGbPerMonth, logRetentionDays, ecrStorageGb, apiRequestsPerMonth, cloudMap,
                natTrafficGbPerMonth);
    }

    public EnvironmentSizing withFargateSpot(boolean spot) {
        return new EnvironmentSizing(vcpu, memoryGb, architecture, spot, natInstanceType, natSpot, natPublicIp,
                natRootVolumeGb, logIngestGbPerMonth, logRetentionDays, ecrStorageGb, apiRequestsPerMonth, cloudMap,
                natTrafficGbPerMonth);
    }

    private static void requireNotNegative(BigDecimal value, String name) {
        Objects.requireNonNull(value, name);
        if (value.signum() < 0) {
            throw new IllegalArgumentException(name + " cannot be negative");
        }
    }
}
