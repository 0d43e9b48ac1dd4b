package com.mcpportal.portal.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.FargateSize;
import com.mcpportal.portal.environment.EnvironmentSpec;

/**
 * An environment's settings as the estimate sees them. Usage the portal cannot know yet (logs, images, requests,
 * NAT traffic) comes from {@link EnvironmentSizing#defaults()} and is listed among the assumptions.
 */
final class Sizings {

    private static final BigDecimal UNITS_PER_VCPU = BigDecimal.valueOf(1024);
    private static final BigDecimal MIB_PER_GB = BigDecimal.valueOf(1024);

    private Sizings() {
    }

    static EnvironmentSizing of(EnvironmentSpec spec) {
        return of(spec.size(), spec.architecture(), spec.fargateSpot(), spec.nat().instanceType(), spec.nat().spot(),
                spec.logRetentionDays());
    }

    static EnvironmentSizing of(FargateSize size, Architecture architecture,
            boolean fargateSpot, String natInstanceType, boolean natSpot, int logRetentionDays) {
        EnvironmentSizing defaults = EnvironmentSizing.defaults();
        return new EnvironmentSizing(
                BigDecimal.valueOf(size.cpu()).divide(UNITS_PER_VCPU, 4, RoundingMode.UNNECESSARY),
                BigDecimal.valueOf(size.memoryMiB()).divide(MIB_PER_GB, 4, RoundingMode.UNNECESSARY),
                architecture, fargateSpot, natInstanceType, natSpot,
                NatPublicIp.AUTO_ASSIGNED, defaults.natRootVolumeGb(), defaults.logIngestGbPerMonth(),
                logRetentionDays, defaults.ecrStorageGb(), defaults.apiRequestsPerMonth(), defaults.cloudMap(),
                defaults.natTrafficGbPerMonth());
    }

    /**
     * The sizing of {@code tasks} tasks of the same size: Fargate bills each task's vCPU and memory by the hour, so
     * n tasks cost what one task n times the size would.
     */
    static EnvironmentSizing tasks(EnvironmentSizing sizing, int tasks) {
        BigDecimal n = BigDecimal.valueOf(tasks);
        return sizing.withFargate(sizing.vcpu().multiply(n), sizing.memoryGb().multiply(n), sizing.architecture());
    }

    /** The usage figures an estimate assumes, in words. */
    static List<String> usageAssumptions(EnvironmentSizing sizing) {
        return List.of(
                "Logs: " + plain(sizing.logIngestGbPerMonth()) + " GB ingested a month, kept "
                        + sizing.logRetentionDays() + " days.",
                "Images: " + plain(sizing.ecrStorageGb()) + " GB stored in ECR (the last 5 images are kept).",
                "API requests: " + String.format("%,d", sizing.apiRequestsPerMonth()) + " a month.",
                "NAT root volume: " + sizing.natRootVolumeGb() + " GB gp3; NAT traffic "
                        + plain(sizing.natTrafficGbPerMonth()) + " GB a month (priced only for the NAT gateway).");
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
