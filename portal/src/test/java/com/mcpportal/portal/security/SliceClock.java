package com.mcpportal.portal.security;

import java.time.Clock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The portal's one {@link Clock} bean, for controller slices (which do not load the configuration declaring it). */
@TestConfiguration(proxyBeanMethods = false)
class SliceClock {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
