package com.mcpportal.portal.cost;

import java.util.List;

import com.mcpportal.portal.cost.pricing.DatabasePriceCatalog;
import com.mcpportal.portal.cost.pricing.FallbackPriceCatalog;
import com.mcpportal.portal.cost.pricing.PriceCatalog;
import com.mcpportal.portal.cost.pricing.PriceStore;
import com.mcpportal.portal.cost.pricing.PricingSettings;
import com.mcpportal.portal.cost.pricing.SnapshotPriceCatalog;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Wires prices for estimates: database prices first, the bundled snapshot as the fallback. Schedules come from the
 * schedule feature through {@link StoredEnvironmentSchedules}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PricingSettings.class)
class CostConfiguration {

    @Bean
    SnapshotPriceCatalog snapshotPriceCatalog() {
        return SnapshotPriceCatalog.bundled();
    }

    @Bean
    DatabasePriceCatalog databasePriceCatalog(PriceStore store) {
        return new DatabasePriceCatalog(store);
    }

    /** What every estimate prices with. */
    @Bean
    @Primary
    PriceCatalog priceCatalog(DatabasePriceCatalog database, SnapshotPriceCatalog snapshot) {
        return new FallbackPriceCatalog(List.of(database, snapshot));
    }
}
