package com.mcpportal.portal.security;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The delay rule: nothing for the free failures, then doubling from the first delay up to the maximum. */
class SignInSettingsTests {

    private final SignInSettings defaults = new SignInSettings(5, 20, Duration.ofSeconds(15), Duration.ofMinutes(15),
            Duration.ofHours(1));

    @Test
    void theFreeFailuresCostNothingThenEachFailureDoublesTheWait() {
        assertThat(defaults.delayAfter(1, 5)).isZero();
        assertThat(defaults.delayAfter(5, 5)).isZero();
        assertThat(defaults.delayAfter(6, 5)).isEqualTo(Duration.ofSeconds(15));
        assertThat(defaults.delayAfter(7, 5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(defaults.delayAfter(10, 5)).isEqualTo(Duration.ofMinutes(4));
        assertThat(defaults.delayAfter(12, 5)).isEqualTo(Duration.ofMinutes(15));
        assertThat(defaults.delayAfter(21, 20)).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void theWaitStopsGrowingAtTheMaximumHoweverManyFailures() {
        assertThat(defaults.delayAfter(1_000, 5)).isEqualTo(Duration.ofMinutes(15));
        assertThat(defaults.delayAfter(Integer.MAX_VALUE, 5)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void settingsThatCouldNeverDelayOrNeverGrowAreRefused() {
        assertThatThrownBy(() -> new SignInSettings(0, 20, Duration.ofSeconds(15), Duration.ofMinutes(15),
                Duration.ofHours(1))).hasMessageContaining("free-failures");
        assertThatThrownBy(() -> new SignInSettings(5, 20, Duration.ZERO, Duration.ofMinutes(15),
                Duration.ofHours(1))).hasMessageContaining("first-delay");
        assertThatThrownBy(() -> new SignInSettings(5, 20, Duration.ofSeconds(15), Duration.ofMinutes(15),
                Duration.ofMinutes(10))).hasMessageContaining("forget-after");
    }
}
