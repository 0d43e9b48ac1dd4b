package com.mcpportal.portal.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MetricsSettingsTests {

    @Test
    void noTokenClosesScraping() {
        assertThat(new MetricsSettings(null).scrapingEnabled()).isFalse();
        assertThat(new MetricsSettings("  ").scrapingEnabled()).isFalse();
    }

    @Test
    void aShortTokenIsRefusedWithHowToMakeOne() {
        assertThatThrownBy(() -> new MetricsSettings("secret")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PORTAL_METRICS_TOKEN").hasMessageContaining("openssl rand");
    }

    @Test
    void aLongEnoughTokenOpensIt() {
        assertThat(new MetricsSettings("0123456789abcdef0123").scrapingEnabled()).isTrue();
    }
}
