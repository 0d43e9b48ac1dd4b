package com.mcpportal.mcpserver.auth;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class FailureThrottleTests {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void addressIsBlockedAfterTooManyFailuresUntilTheWindowEnds() {
        FailureThrottle throttle = new FailureThrottle(3, Duration.ofSeconds(60), clock);
        for (int i = 0; i < 3; i++) {
            throttle.recordFailure("198.51.100.1");
        }
        assertThat(throttle.retryAfterSeconds("198.51.100.1")).isZero();

        throttle.recordFailure("198.51.100.1");
        now = now.plusSeconds(15);

        assertThat(throttle.retryAfterSeconds("198.51.100.1")).isEqualTo(45);
        assertThat(throttle.retryAfterSeconds("198.51.100.2")).isZero();

        now = now.plusSeconds(45);
        assertThat(throttle.retryAfterSeconds("198.51.100.1")).isZero();
    }

    @Test
    void zeroMaxFailuresTurnsThrottlingOff() {
        FailureThrottle throttle = new FailureThrottle(0, Duration.ofSeconds(60), clock);
        for (int i = 0; i < 100; i++) {
            throttle.recordFailure("198.51.100.1");
        }
        assertThat(throttle.retryAfterSeconds("198.51.100.1")).isZero();
    }
}
