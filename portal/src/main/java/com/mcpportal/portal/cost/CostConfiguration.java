package com.mcpportal.portal.cost;

import java.time.Clock;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Wires prices and schedules for estimates: database prices first, the bundled snapshot as the fallback, and the
 * default schedule unless the schedule feature provides {@link EnvironmentSchedules}.
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

    @Bean
    CostClock costClock() {
        return new CostClock(Clock.systemUTC());
    }

    /**
     * Replaced by the schedule feature's bean. Declare that one {@code @Primary} too: this condition sees beans
     * registered before this configuration is processed, and {@code @Primary} makes the choice certain either way.
     */
    @Bean
    @ConditionalOnMissingBean(EnvironmentSchedules.class)
    EnvironmentSchedules defaultEnvironmentSchedules() {
        return new DefaultEnvironmentSchedules();
    }
}
