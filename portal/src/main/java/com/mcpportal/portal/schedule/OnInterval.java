package com.mcpportal.portal.schedule;

import java.time.Duration;
import java.time.Instant;

/** A stretch of time [start, end) during which the schedule wants the environment on. */
public record OnInterval(Instant start, Instant end) {

    public Duration duration() {
        return Duration.between(start, end);
    }
}
