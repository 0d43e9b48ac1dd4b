package com.mcpportal.portal.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The real time plus an offset a test can move: "the portal was down for three days"; or, for the benchmark, a
 * time that stands still.
 */
final class MovableClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final AtomicReference<Instant> frozen = new AtomicReference<>();

    void advance(Duration by) {
        offset.updateAndGet(current -> current.plus(by));
    }

    /** Stops the clock at the instant until {@link #reset()}: every pass of a benchmark sees the same time. */
    void freezeAt(Instant at) {
        frozen.set(at);
    }

    void reset() {
        offset.set(Duration.ZERO);
        frozen.set(null);
    }

    @Override
    public Instant instant() {
        Instant at = frozen.get();
        return at != null ? at : Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("schedules evaluate in UTC instants");
    }

    /** Puts a movable clock in front of the portal's. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Config {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }
}
