package com.mcpportal.portal.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.mcpportal.portal.cost.pricing.DatabasePriceCatalog;
import com.mcpportal.portal.cost.pricing.MissingPriceException;
import com.mcpportal.portal.cost.pricing.Price;
import com.mcpportal.portal.cost.pricing.PriceCatalog;
import com.mcpportal.portal.cost.pricing.PriceComponent;
import com.mcpportal.portal.cost.pricing.PriceKey;
import com.mcpportal.portal.cost.pricing.PriceOrigin;
import com.mcpportal.portal.cost.pricing.PriceStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The catalog every estimate uses: Pricing API prices cached in PostgreSQL first, the bundled snapshot for the rest. */
@CostIntegrationTest
class PriceCacheIntegrationTests {

    private static final PriceKey ARM_VCPU = PriceKey.of("eu-central-1", PriceComponent.FARGATE_ARM_VCPU_HOUR);

    @Autowired
    PriceCatalog catalog;

    @Autowired
    PriceStore store;

    @Autowired
    DatabasePriceCatalog cache;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    @AfterEach
    void empty() {
        jdbc.update("DELETE FROM price");
        cache.reload();
    }

    private static Price fetched(PriceKey key, String usd, String on) {
        return new Price(key, new BigDecimal(usd), PriceOrigin.PRICING_API, LocalDate.parse(on), true, "test");
    }

    @Test
    void aCachedPriceWinsAndTheSnapshotAnswersForEverythingElse() {
        assertThat(catalog.require(ARM_VCPU).provenance()).isEqualTo("bundled price snapshot, 2026-11-25");

        store.save(List.of(fetched(ARM_VCPU, "0.03800", "2027-03-14")), Instant.parse("2027-03-14T03:17:00Z"));
        cache.reload();

        assertThat(catalog.require(ARM_VCPU).usdPerUnit()).isEqualByComparingTo("0.038");
        assertThat(catalog.require(ARM_VCPU).provenance()).isEqualTo("AWS Pricing API, 2027-03-14");
        assertThat(catalog.require(PriceKey.of("eu-central-1", PriceComponent.FARGATE_ARM_GB_HOUR)).usdPerUnit())
                .isEqualByComparingTo("0.00409");
        assertThat(jdbc.queryForMap("SELECT source, fetched_at FROM price WHERE region = 'eu-central-1'"))
                .containsEntry("source", "PRICING_API");
    }

    @Test
    void aNewerFetchReplacesTheRowAndOtherInstancesRefreshesShowAfterAReload() {
        store.save(List.of(fetched(ARM_VCPU, "0.038", "2027-03-13")), Instant.parse("2027-03-13T03:17:00Z"));
        cache.reload();
        assertThat(catalog.require(ARM_VCPU).asOf()).isEqualTo(LocalDate.parse("2027-03-13"));

        // Another portal instance's refresh writes the table; this one sees it once its minute is up (or on reload).
        store.save(List.of(fetched(ARM_VCPU, "0.039", "2027-03-14")), Instant.parse("2027-03-14T03:17:00Z"));
        assertThat(catalog.require(ARM_VCPU).usdPerUnit()).isEqualByComparingTo("0.038");
        cache.reload();

        assertThat(catalog.require(ARM_VCPU).usdPerUnit()).isEqualByComparingTo("0.039");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM price", Integer.class)).isEqualTo(1);
    }

    @Test
    void aPriceNeitherKnowsIsAClearErrorNamingBothSources() {
        PriceKey unknown = PriceKey.instance("sa-east-1", "t3a.micro");

        assertThat(catalog.find(unknown)).isEmpty();
        assertThatThrownBy(() -> catalog.require(unknown)).isInstanceOf(MissingPriceException.class)
                .hasMessageContaining("No price for EC2 instance t3a.micro in sa-east-1 (AWS Pricing API prices stored"
                        + " by the daily refresh, then bundled price snapshot of 2026-11-25)");
    }
}
