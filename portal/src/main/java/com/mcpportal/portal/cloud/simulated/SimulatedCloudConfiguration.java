package com.mcpportal.portal.cloud.simulated;

import java.time.Clock;

import com.mcpportal.portal.cloud.secret.SecretCipher;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Wires the simulated cloud on the portal's own database. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SimulatedSettings.class)
class SimulatedCloudConfiguration {

    @Bean
    SimulatedCloudProvider simulatedCloudProvider(JdbcTemplate jdbc, SecretCipher cipher, SimulatedSettings settings,
            Clock clock) {
        return new SimulatedCloudProvider(new SimulatedStore(jdbc, clock), cipher, settings, clock);
    }

    @Bean
    SimulatedCloudPrices simulatedCloudPrices() {
        return new SimulatedCloudPrices();
    }

    @Bean
    SimulatedMcpMetrics simulatedMcpMetrics(JdbcTemplate jdbc, Clock clock) {
        return new SimulatedMcpMetrics(new SimulatedStore(jdbc, clock), clock);
    }
}
