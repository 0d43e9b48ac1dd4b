package com.mcpportal.portal.schedule;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When the periodic pass first runs: on the minute for the default, so it meets 08:00 edges as they happen. */
class ReconcilePassTimingTests {

    @Test
    void aMinuteOrShorterRunsOnWholeMultiplesAndLongerIntervalsStartAtOnce() {
        Instant now = Instant.parse("2026-11-25T07:59:41.250Z");

        assertThat(ScheduleConfiguration.firstPass(now, Duration.ofMinutes(1)))
                .isEqualTo(Instant.parse("2026-11-25T08:00:00Z"));
        assertThat(ScheduleConfiguration.firstPass(now, Duration.ofSeconds(2)))
                .isEqualTo(Instant.parse("2026-11-25T07:59:42Z"));
        assertThat(ScheduleConfiguration.firstPass(Instant.parse("2026-11-25T08:00:00Z"), Duration.ofMinutes(1)))
                .as("exactly on the minute: the next one, never in the past").isEqualTo(Instant.parse("2026-11-25T08:01:00Z"));
        assertThat(ScheduleConfiguration.firstPass(now, Duration.ofMinutes(5))).isEqualTo(now);
        assertThat(ScheduleConfiguration.firstPass(now, Duration.ofHours(1))).isEqualTo(now);
    }
}
