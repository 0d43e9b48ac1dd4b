package com.mcpportal.portal.cost.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SnapshotPriceCatalogTests {

    private static final List<String> REGIONS = List.of("us-east-1", "eu-central-1", "eu-west-1", "us-west-2", "ap-south-1");

    private final SnapshotPriceCatalog snapshot = SnapshotPriceCatalog.bundled();

    @Test
    void coversEveryComponentInTheFiveRegionsWithItsDateAndSource() {
        assertThat(snapshot.asOf()).isEqualTo(LocalDate.parse("2026-11-25"));
        assertThat(snapshot.source()).contains("issue 7");
        for (String region : REGIONS) {
            for (PriceComponent component : PriceComponent.values()) {
                PriceKey key = component == PriceComponent.EC2_INSTANCE_HOUR
                        ? PriceKey.instance(region, "t4g.nano") : PriceKey.of(region, component);
                Price price = snapshot.require(key);
                assertThat(price.origin()).isEqualTo(PriceOrigin.SNAPSHOT);
                assertThat(price.usdPerUnit()).isPositive();
                assertThat(price.note()).isNotBlank();
            }
        }
    }

    @Test
    void usEast1HoldsIssue7sReferencePricesExactly() {
        assertThat(usd(PriceComponent.FARGATE_X86_VCPU_HOUR)).isEqualByComparingTo("0.04048");
        assertThat(usd(PriceComponent.FARGATE_X86_GB_HOUR)).isEqualByComparingTo("0.004445");
        assertThat(usd(PriceComponent.FARGATE_ARM_VCPU_HOUR)).isEqualByComparingTo("0.03238");
        assertThat(usd(PriceComponent.FARGATE_ARM_GB_HOUR)).isEqualByComparingTo("0.00356");
        assertThat(snapshot.require(PriceKey.instance("us-east-1", "t4g.nano")).usdPerUnit()).isEqualByComparingTo("0.0042");
        assertThat(usd(PriceComponent.PUBLIC_IPV4_HOUR)).isEqualByComparingTo("0.005");
        assertThat(usd(PriceComponent.EBS_GP3_GB_MONTH)).isEqualByComparingTo("0.08");
        assertThat(usd(PriceComponent.LOGS_INGESTED_GB)).isEqualByComparingTo("0.50");
        assertThat(usd(PriceComponent.LOGS_STORED_GB_MONTH)).isEqualByComparingTo("0.03");
        assertThat(usd(PriceComponent.ECR_STORAGE_GB_MONTH)).isEqualByComparingTo("0.10");
        assertThat(usd(PriceComponent.NAT_GATEWAY_HOUR)).isEqualByComparingTo("0.045");
        assertThat(usd(PriceComponent.NAT_GATEWAY_GB)).isEqualByComparingTo("0.045");
        assertThat(usd(PriceComponent.CLOUD_MAP_HOSTED_ZONE_MONTH)).isEqualByComparingTo("0.50");
        assertThat(usd(PriceComponent.CLOUD_MAP_INSTANCE_MONTH)).isEqualByComparingTo("0.10");
    }

    @Test
    void everyUnconfirmedFigureIsMarkedSoThePageCanSayIt() {
        assertThat(snapshot.prices()).filteredOn(price -> !price.checked()).isNotEmpty()
                .allSatisfy(price -> assertThat(price.note()).containsAnyOf("not confirmed", "assumed"));
        assertThat(snapshot.notes()).anySatisfy(note -> assertThat(note).contains("could not be confirmed"));
    }

    @Test
    void fallbackPrefersTheFresherCatalog() {
        Price fresh = new Price(PriceKey.of("us-east-1", PriceComponent.EBS_GP3_GB_MONTH), new BigDecimal("0.079"),
                PriceOrigin.PRICING_API, LocalDate.parse("2026-11-26"), true, "EBS:VolumeUsage.gp3");
        PriceCatalog database = new PriceCatalog() {
            @Override
            public Optional<Price> find(PriceKey key) {
                return key.equals(fresh.key()) ? Optional.of(fresh) : Optional.empty();
            }

            @Override
            public String describe() {
                return "prices refreshed 2026-11-26";
            }
        };
        PriceCatalog catalog = new FallbackPriceCatalog(List.of(database, snapshot));

        assertThat(catalog.require(fresh.key())).isEqualTo(fresh);
        assertThat(catalog.require(PriceKey.of("us-east-1", PriceComponent.ECR_STORAGE_GB_MONTH)).origin())
                .isEqualTo(PriceOrigin.SNAPSHOT);
        assertThat(catalog.describe()).isEqualTo("prices refreshed 2026-11-26, then bundled price snapshot of 2026-11-25");
    }

    private BigDecimal usd(PriceComponent component) {
        return snapshot.require(PriceKey.of("us-east-1", component)).usdPerUnit();
    }
}
