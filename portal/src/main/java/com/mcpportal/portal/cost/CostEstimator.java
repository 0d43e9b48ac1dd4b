package com.mcpportal.portal.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.mcpportal.portal.cost.pricing.Price;
import com.mcpportal.portal.cost.pricing.PriceCatalog;
import com.mcpportal.portal.cost.pricing.PriceComponent;
import com.mcpportal.portal.cost.pricing.PriceKey;
import com.mcpportal.portal.cost.pricing.PriceOrigin;
import com.mcpportal.portal.cost.pricing.SpotDiscounts;

/**
 * Pure estimate arithmetic: sizing × hours on × catalog prices, in BigDecimal, rounded only for display.
 * Hourly parts follow the schedule's hours; storage, the hosted zone and (for an Elastic IP) the address are
 * billed all month. Data transfer is not included.
 */
public final class CostEstimator {

    static final List<String> ASSUMPTIONS = List.of(
            "A month is the average Gregorian month: 30.436875 days = 730.485 hours; scheduled hours are the next 30 days scaled to it.",
            "The NAT instance's auto-assigned public IPv4 address is released while the instance is stopped, so it is billed only for hours on; an Elastic IP is billed all month.",
            "The NAT root volume is billed all month: EBS charges for a stopped instance's volumes.",
            "Log storage is the steady state of the monthly ingestion kept for the retention period, uncompressed (AWS bills compressed bytes, so this errs high).",
            "API Gateway requests and the hosted zone use the first pricing tier.",
            "The Cloud Map instance is registered only while the task runs; the private DNS namespace's hosted zone is billed all month.",
            "Spot without a live EC2 spot price assumes 50% off on-demand for the NAT instance and 60% off for Fargate Spot (AWS advertises up to 90% and 70%).",
            "The NAT gateway comparison runs the gateway and its Elastic IP all month: a gateway cannot be stopped, only deleted.",
            "Data transfer out to the internet and across zones is not included.");

    private static final BigDecimal ONE = BigDecimal.ONE;

    private final PriceCatalog catalog;

    public CostEstimator(PriceCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param monthlyHoursOn hours on per average month, from {@link MonthlyHours#fromSchedule}
     * @param natSpotPrice   the live EC2 spot price per hour in aws mode, if it could be read
     */
    public EnvironmentCost estimate(String region, EnvironmentSizing sizing, BigDecimal monthlyHoursOn,
                                    Optional<BigDecimal> natSpotPrice) {
        CostEstimate scheduled = monthly(region, sizing, monthlyHoursOn, natSpotPrice);
        CostEstimate alwaysOn = monthly(region, sizing, MonthlyHours.AVERAGE_MONTH_HOURS, natSpotPrice);
        return new EnvironmentCost(scheduled, alwaysOn, natComparison(region, sizing, scheduled), ASSUMPTIONS);
    }

    /** One month of the environment running {@code hoursOn} hours. */
    public CostEstimate monthly(String region, EnvironmentSizing sizing, BigDecimal hoursOn,
                                Optional<BigDecimal> natSpotPrice) {
        List<CostRow> rows = new ArrayList<>();
        rows.add(fargate(region, sizing, hoursOn));
        rows.add(natInstance(region, sizing, hoursOn, natSpotPrice));
        BigDecimal ipv4Hours = sizing.natPublicIp() == NatPublicIp.AUTO_ASSIGNED ? hoursOn : MonthlyHours.AVERAGE_MONTH_HOURS;
        rows.add(row(CostComponent.PUBLIC_IPV4, line("NAT instance address", ipv4Hours, PriceKey.of(region, PriceComponent.PUBLIC_IPV4_HOUR))));
        rows.add(row(CostComponent.NAT_ROOT_VOLUME, line("gp3 root volume", BigDecimal.valueOf(sizing.natRootVolumeGb()),
                PriceKey.of(region, PriceComponent.EBS_GP3_GB_MONTH))));
        rows.add(row(CostComponent.LOG_INGESTION, line("logs ingested", sizing.logIngestGbPerMonth(),
                PriceKey.of(region, PriceComponent.LOGS_INGESTED_GB))));
        BigDecimal storedGb = sizing.logIngestGbPerMonth().multiply(BigDecimal.valueOf(sizing.logRetentionDays()))
                .divide(MonthlyHours.AVERAGE_MONTH_DAYS, 12, RoundingMode.HALF_UP);
        rows.add(row(CostComponent.LOG_STORAGE, line(sizing.logRetentionDays() + " days of logs kept", storedGb,
                PriceKey.of(region, PriceComponent.LOGS_STORED_GB_MONTH))));
        rows.add(row(CostComponent.ECR_STORAGE, line("images stored", sizing.ecrStorageGb(),
                PriceKey.of(region, PriceComponent.ECR_STORAGE_GB_MONTH))));
        rows.add(row(CostComponent.API_REQUESTS, line("requests", BigDecimal.valueOf(sizing.apiRequestsPerMonth()),
                PriceKey.of(region, PriceComponent.HTTP_API_REQUEST))));
        if (sizing.cloudMap()) {
            BigDecimal instanceMonths = hoursOn.divide(MonthlyHours.AVERAGE_MONTH_HOURS, 12, RoundingMode.HALF_UP);
            rows.add(row(CostComponent.CLOUD_MAP,
                    line("private DNS namespace (hosted zone)", ONE, PriceKey.of(region, PriceComponent.CLOUD_MAP_HOSTED_ZONE_MONTH)),
                    line("registered task, while running", instanceMonths, PriceKey.of(region, PriceComponent.CLOUD_MAP_INSTANCE_MONTH))));
        }
        return new CostEstimate(region, hoursOn, rows);
    }

    private CostRow fargate(String region, EnvironmentSizing sizing, BigDecimal hoursOn) {
        Price vcpu = catalog.require(PriceKey.of(region, PriceComponent.fargateVcpu(sizing.architecture())));
        Price memory = catalog.require(PriceKey.of(region, PriceComponent.fargateMemory(sizing.architecture())));
        if (!sizing.fargateSpot()) {
            return row(CostComponent.FARGATE,
                    priced("vCPU-hours", sizing.vcpu().multiply(hoursOn), vcpu),
                    priced("GB-hours", sizing.memoryGb().multiply(hoursOn), memory));
        }
        String spot = PriceOrigin.TYPICAL_SPOT_DISCOUNT.label() + " on " + vcpu.provenance();
        return row(CostComponent.FARGATE,
                new CostLine("Fargate Spot vCPU-hours", sizing.vcpu().multiply(hoursOn), vcpu.key().component().unit(),
                        SpotDiscounts.apply(vcpu.usdPerUnit(), SpotDiscounts.FARGATE_SPOT), spot),
                new CostLine("Fargate Spot GB-hours", sizing.memoryGb().multiply(hoursOn), memory.key().component().unit(),
                        SpotDiscounts.apply(memory.usdPerUnit(), SpotDiscounts.FARGATE_SPOT), spot));
    }

    private CostRow natInstance(String region, EnvironmentSizing sizing, BigDecimal hoursOn, Optional<BigDecimal> spotPrice) {
        PriceKey key = PriceKey.instance(region, sizing.natInstanceType());
        String what = sizing.natInstanceType() + " hours";
        if (!sizing.natSpot()) {
            return row(CostComponent.NAT_INSTANCE, line(what, hoursOn, key));
        }
        if (spotPrice.isPresent()) {
            return row(CostComponent.NAT_INSTANCE, new CostLine(what + " (spot)", hoursOn, key.component().unit(),
                    spotPrice.get(), PriceOrigin.SPOT_PRICE_HISTORY.label()));
        }
        Price onDemand = catalog.require(key);
        return row(CostComponent.NAT_INSTANCE, new CostLine(what + " (spot)", hoursOn, key.component().unit(),
                SpotDiscounts.apply(onDemand.usdPerUnit(), SpotDiscounts.EC2_SPOT),
                PriceOrigin.TYPICAL_SPOT_DISCOUNT.label() + " on " + onDemand.provenance()));
    }

    private NatComparison natComparison(String region, EnvironmentSizing sizing, CostEstimate scheduled) {
        List<CostRow> instanceRows = scheduled.rows().stream()
                .filter(row -> row.component() == CostComponent.NAT_INSTANCE || row.component() == CostComponent.PUBLIC_IPV4
                        || row.component() == CostComponent.NAT_ROOT_VOLUME)
                .toList();
        BigDecimal month = MonthlyHours.AVERAGE_MONTH_HOURS;
        List<CostRow> gatewayRows = List.of(
                row(CostComponent.NAT_GATEWAY, line("gateway hours", month, PriceKey.of(region, PriceComponent.NAT_GATEWAY_HOUR))),
                row(CostComponent.NAT_GATEWAY_DATA, line("GB processed", sizing.natTrafficGbPerMonth(),
                        PriceKey.of(region, PriceComponent.NAT_GATEWAY_GB))),
                row(CostComponent.PUBLIC_IPV4, line("gateway Elastic IP", month, PriceKey.of(region, PriceComponent.PUBLIC_IPV4_HOUR))));
        return new NatComparison(new CostEstimate(region, scheduled.monthlyHoursOn(), instanceRows),
                new CostEstimate(region, month, gatewayRows));
    }

    private CostLine line(String what, BigDecimal quantity, PriceKey key) {
        return priced(what, quantity, catalog.require(key));
    }

    private static CostLine priced(String what, BigDecimal quantity, Price price) {
        return new CostLine(what, quantity, price.key().component().unit(), price.usdPerUnit(), price.provenance());
    }

    private static CostRow row(CostComponent component, CostLine... lines) {
        return new CostRow(component, List.of(lines));
    }
}
