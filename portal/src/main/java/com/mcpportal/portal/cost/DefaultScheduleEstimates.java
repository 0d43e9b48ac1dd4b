package com.mcpportal.portal.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import com.mcpportal.portal.environment.EnvironmentEstimates;
import com.mcpportal.portal.environment.EnvironmentSpec;
import com.mcpportal.portal.schedule.Schedule;

import org.springframework.stereotype.Component;

/**
 * The environment pages' monthly figure: the bundled price snapshot and the default schedule (Mon–Fri
 * 08:00–20:00). The costs feature replaces it with the cached AWS prices and each environment's own schedule.
 */
@Component
class DefaultScheduleEstimates implements EnvironmentEstimates {

    private static final BigDecimal MIB_PER_GB = BigDecimal.valueOf(1024);
    private static final BigDecimal CPU_PER_VCPU = BigDecimal.valueOf(1024);

    private final SnapshotPriceCatalog catalog = SnapshotPriceCatalog.bundled();
    private final CostEstimator estimator = new CostEstimator(catalog);

    @Override
    public Optional<MonthlyEstimate> monthly(EnvironmentSpec spec) {
        EnvironmentSizing defaults = EnvironmentSizing.defaults();
        EnvironmentSizing sizing = new EnvironmentSizing(
                BigDecimal.valueOf(spec.size().cpu()).divide(CPU_PER_VCPU, 4, RoundingMode.HALF_UP),
                BigDecimal.valueOf(spec.size().memoryMiB()).divide(MIB_PER_GB, 4, RoundingMode.HALF_UP),
                Architecture.valueOf(spec.architecture().name()), spec.fargateSpot(), spec.nat().instanceType(),
                spec.nat().spot(), NatPublicIp.AUTO_ASSIGNED, defaults.natRootVolumeGb(),
                defaults.logIngestGbPerMonth(), spec.logRetentionDays(), defaults.ecrStorageGb(),
                defaults.apiRequestsPerMonth(), defaults.cloudMap(), defaults.natTrafficGbPerMonth());
        BigDecimal hours = MonthlyHours.fromSchedule(Schedule.defaultFor(ZoneOffset.UTC), Instant.now());
        try {
            CostEstimate estimate = estimator.monthly(spec.region(), sizing, hours, Optional.empty());
            return Optional.of(new MonthlyEstimate(estimate.displayTotal(), "Mon–Fri 08:00–20:00, "
                    + catalog.describe()));
        } catch (MissingPriceException unknownRegionOrType) {
            return Optional.empty();
        }
    }
}
