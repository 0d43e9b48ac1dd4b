package com.mcpportal.portal.monitoring;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code portal.metrics.*}: who may scrape {@code /actuator/prometheus}.
 *
 * @param token the bearer token Prometheus sends ({@code PORTAL_METRICS_TOKEN}); unset, nobody can scrape
 */
@ConfigurationProperties("portal.metrics")
record MetricsSettings(String token) {

    static final int MIN_TOKEN_LENGTH = 16;

    MetricsSettings {
        token = token == null || token.isBlank() ? null : token.trim();
        if (token != null && token.length() < MIN_TOKEN_LENGTH) {
            throw new IllegalArgumentException("portal.metrics.token (PORTAL_METRICS_TOKEN) must be at least "
                    + MIN_TOKEN_LENGTH + " characters; generate one with: openssl rand -hex 32");
        }
    }

    boolean scrapingEnabled() {
        return token != null;
    }
}
