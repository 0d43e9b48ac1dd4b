package com.mcpportal.portal.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Optional;

import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cost.pricing.MissingPriceException;
import com.mcpportal.portal.cost.pricing.SnapshotPriceCatalog;
import org.junit.jupiter.api.Test;

/** The seed's figures, worked out exactly with the us-east-1 reference prices of issue 7. */
class CostEstimatorTests {

    private static final String US_EAST_1 = "us-east-1";
    private static final BigDecimal TWELVE_HOURS_A_DAY = MonthlyHours.ofHoursPerDay(new BigDecimal("12"));
    private static final BigDecimal WEEKDAYS_08_TO_20 = MonthlyHours.ofHoursPerWeek(new BigDecimal("60"));

    private final CostEstimator estimator = new CostEstimator(SnapshotPriceCatalog.bundled());

    private static EnvironmentSizing seedX86() {
        return EnvironmentSizing.defaults().withFargate(new BigDecimal("0.25"), new BigDecimal("0.5"), Architecture.X86_64)
                .withNat("t4g.nano", false, NatPublicIp.AUTO_ASSIGNED, 4);
    }

    private CostEstimate monthly(EnvironmentSizing sizing, BigDecimal hours) {
        return estimator.monthly(US_EAST_1, sizing, hours, Optional.empty());
    }

    private static BigDecimal usd(CostEstimate estimate, CostComponent component) {
        return estimate.row(component).orElseThrow().monthlyUsd();
    }

    @Test
    void monthConventionGivesTheSeedsHours() {
        assertThat(TWELVE_HOURS_A_DAY).isEqualByComparingTo("365.2425");
        assertThat(WEEKDAYS_08_TO_20).isEqualByComparingTo("260.8875");
        assertThat(MonthlyHours.AVERAGE_MONTH_HOURS).isEqualByComparingTo("730.485");
    }

    @Test
    void fargateX86QuarterVcpuHalfGbAtTwelveHoursADayIs451() {
        CostRow fargate = monthly(seedX86(), TWELVE_HOURS_A_DAY).row(CostComponent.FARGATE).orElseThrow();

        // 0.25 × 365.2425 × 0.04048 + 0.5 × 365.2425 × 0.004445
        assertThat(fargate.monthlyUsd()).isEqualByComparingTo("4.50800555625");
        assertThat(fargate.displayUsd()).isEqualByComparingTo("4.51");
    }

    @Test
    void honestNatAtTwelveHoursADayIs368WithA4GbVolume() {
        CostEstimate estimate = monthly(seedX86(), TWELVE_HOURS_A_DAY);

        assertThat(usd(estimate, CostComponent.NAT_INSTANCE)).isEqualByComparingTo("1.5340185");
        assertThat(usd(estimate, CostComponent.PUBLIC_IPV4)).isEqualByComparingTo("1.8262125");
        assertThat(usd(estimate, CostComponent.NAT_ROOT_VOLUME)).isEqualByComparingTo("0.32");
        NatComparison nat = estimator.estimate(US_EAST_1, seedX86(), TWELVE_HOURS_A_DAY, Optional.empty()).nat();
        assertThat(nat.natInstance().totalUsd()).isEqualByComparingTo("3.680231");
        assertThat(nat.natInstance().displayTotal()).isEqualByComparingTo("3.68");
        assertThat(estimate.row(CostComponent.NAT_INSTANCE).orElseThrow().displayUsd()).isEqualByComparingTo("1.53");
        assertThat(estimate.row(CostComponent.PUBLIC_IPV4).orElseThrow().displayUsd()).isEqualByComparingTo("1.83");
    }

    @Test
    void eightGbRootVolumeCosts64Cents() {
        CostEstimate estimate = monthly(seedX86().withNat("t4g.nano", false, NatPublicIp.AUTO_ASSIGNED, 8), TWELVE_HOURS_A_DAY);

        assertThat(estimate.row(CostComponent.NAT_ROOT_VOLUME).orElseThrow().displayUsd()).isEqualByComparingTo("0.64");
    }

    @Test
    void armOnWeekdays08To20Is258() {
        EnvironmentSizing arm = seedX86().withFargate(new BigDecimal("0.25"), new BigDecimal("0.5"), Architecture.ARM64);
        CostRow fargate = monthly(arm, WEEKDAYS_08_TO_20).row(CostComponent.FARGATE).orElseThrow();

        // 260.8875 × (0.25 × 0.03238 + 0.5 × 0.00356)
        assertThat(fargate.monthlyUsd()).isEqualByComparingTo("2.5762640625");
        assertThat(fargate.displayUsd()).isEqualByComparingTo("2.58");
    }

    @Test
    void elasticIpIsBilledAllMonthWhateverTheSchedule() {
        CostEstimate estimate = monthly(seedX86().withNat("t4g.nano", false, NatPublicIp.ELASTIC_IP, 4), TWELVE_HOURS_A_DAY);

        assertThat(usd(estimate, CostComponent.PUBLIC_IPV4)).isEqualByComparingTo("3.652425");
    }

    @Test
    void fullTableTotalsEveryComponentAndTheAlwaysOnVariantCostsMore() {
        EnvironmentCost cost = estimator.estimate(US_EAST_1, seedX86(), TWELVE_HOURS_A_DAY, Optional.empty());
        CostEstimate scheduled = cost.scheduled();

        assertThat(scheduled.rows()).extracting(CostRow::component).containsExactly(CostComponent.FARGATE,
                CostComponent.NAT_INSTANCE, CostComponent.PUBLIC_IPV4, CostComponent.NAT_ROOT_VOLUME,
                CostComponent.LOG_INGESTION, CostComponent.LOG_STORAGE, CostComponent.ECR_STORAGE,
                CostComponent.API_REQUESTS, CostComponent.CLOUD_MAP);
        assertThat(usd(scheduled, CostComponent.LOG_INGESTION)).isEqualByComparingTo("0.25");
        // 0.5 GB/month kept 7 days: 0.5 × 7 / 30.436875 = 0.114992094294 GB stored × $0.03
        assertThat(usd(scheduled, CostComponent.LOG_STORAGE)).isEqualByComparingTo("0.00344976282882");
        assertThat(usd(scheduled, CostComponent.ECR_STORAGE)).isEqualByComparingTo("0.05");
        assertThat(usd(scheduled, CostComponent.API_REQUESTS)).isEqualByComparingTo("0.1");
        // hosted zone $0.50 + half a month of one registered instance at $0.10
        assertThat(usd(scheduled, CostComponent.CLOUD_MAP)).isEqualByComparingTo("0.55");
        assertThat(scheduled.totalUsd()).isEqualByComparingTo("9.14168631907882");
        assertThat(scheduled.displayTotal()).isEqualByComparingTo("9.14");
        assertThat(cost.alwaysOn().monthlyHoursOn()).isEqualByComparingTo("730.485");
        assertThat(cost.alwaysOn().totalUsd()).isEqualByComparingTo("17.05992287532882");
        assertThat(cost.assumptions()).isNotEmpty();
    }

    @Test
    void natGatewayAlternativeShowsWhatTheInstanceSaves() {
        NatComparison nat = estimator.estimate(US_EAST_1, seedX86(), TWELVE_HOURS_A_DAY, Optional.empty()).nat();

        // 730.485 h × $0.045 + 1 GB × $0.045 + its Elastic IP 730.485 h × $0.005
        assertThat(nat.natGateway().totalUsd()).isEqualByComparingTo("36.56925");
        assertThat(nat.monthlySavingUsd()).isEqualByComparingTo("32.889019");
        assertThat(nat.displaySaving()).isEqualByComparingTo("32.89");
    }

    @Test
    void spotUsesTheLivePriceWhenThereIsOneAndADocumentedDiscountOtherwise() {
        EnvironmentSizing spot = seedX86().withNat("t4g.nano", true, NatPublicIp.AUTO_ASSIGNED, 4).withFargateSpot(true);

        CostEstimate live = estimator.monthly(US_EAST_1, spot, TWELVE_HOURS_A_DAY, Optional.of(new BigDecimal("0.0016")));
        assertThat(usd(live, CostComponent.NAT_INSTANCE)).isEqualByComparingTo("0.584388");
        assertThat(live.row(CostComponent.NAT_INSTANCE).orElseThrow().lines().get(0).provenance())
                .isEqualTo("EC2 spot price history");

        CostEstimate assumed = monthly(spot, TWELVE_HOURS_A_DAY);
        assertThat(usd(assumed, CostComponent.NAT_INSTANCE)).isEqualByComparingTo("0.76700925");
        // 60% off 4.50800555625
        assertThat(usd(assumed, CostComponent.FARGATE)).isEqualByComparingTo("1.8032022225");
        assertThat(assumed.row(CostComponent.FARGATE).orElseThrow().lines().get(0).provenance())
                .isEqualTo("typical spot discount (assumption) on bundled price snapshot, 2026-11-25");
    }

    @Test
    void armOnFargateSpotIsTheCheapestFargate() {
        EnvironmentSizing x86 = seedX86();
        EnvironmentSizing arm = x86.withFargate(new BigDecimal("0.25"), new BigDecimal("0.5"), Architecture.ARM64);

        BigDecimal armSpot = usd(monthly(arm.withFargateSpot(true), WEEKDAYS_08_TO_20), CostComponent.FARGATE);

        // 60% off the ARM on-demand 2.5762640625: the ARM rate, not the x86 one, is discounted
        assertThat(armSpot).isEqualByComparingTo("1.030505625");
        assertThat(armSpot).isLessThan(usd(monthly(x86.withFargateSpot(true), WEEKDAYS_08_TO_20), CostComponent.FARGATE))
                .isLessThan(usd(monthly(arm, WEEKDAYS_08_TO_20), CostComponent.FARGATE))
                .isLessThan(usd(monthly(x86, WEEKDAYS_08_TO_20), CostComponent.FARGATE));
    }

    @Test
    void aMissingPriceIsAClearErrorNotAZero() {
        EnvironmentSizing t3 = seedX86().withNat("t3.nano", false, NatPublicIp.AUTO_ASSIGNED, 4);

        assertThatThrownBy(() -> estimator.monthly("eu-west-1", t3, TWELVE_HOURS_A_DAY, Optional.empty()))
                .isInstanceOf(MissingPriceException.class)
                .hasMessage("No price for EC2 instance t3.nano in eu-west-1 (bundled price snapshot of 2026-11-25)."
                        + " The daily AWS Pricing API refresh adds it once the portal can reach AWS.");
    }
}
