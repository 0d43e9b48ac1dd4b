package com.mcpportal.portal;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The portal's one {@link Clock}: every feature takes "now" from this bean (injected, never
 * {@code Clock.systemUTC()} or {@code Instant.now()}; ArchitectureTests checks), so a test fixes or moves the time of
 * the whole portal with one primary {@code Clock} bean. UTC: the portal stores instants; zones belong to schedules.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
