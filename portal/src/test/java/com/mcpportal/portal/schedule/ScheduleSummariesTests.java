package com.mcpportal.portal.schedule;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentPower;
import com.mcpportal.portal.environment.EnvironmentState;
import com.mcpportal.portal.schedule.power.ReadyEnvironment;
import com.mcpportal.portal.schedule.power.ReadyEnvironments;
import com.mcpportal.portal.schedule.store.ScheduleStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/** The environment page's schedule card says in one sentence what holds against the schedule, and until when. */
class ScheduleSummariesTests {

    /** Monday 7 December 2026, 10:00 in Berlin, inside the default Mon–Fri 08:00–20:00 window. */
    static final Instant NOW = Instant.parse("2026-12-07T09:00:00Z");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final Schedule WORKDAYS = Schedule.defaultFor(BERLIN);

    final ScheduleStore store = mock(ScheduleStore.class);
    final ReadyEnvironments ready = mock(ReadyEnvironments.class);
    final Environment environment = mock(Environment.class);
    final ScheduleSummaries summaries = new ScheduleSummaries(store, ready, Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void setUp() {
        given(environment.getId()).willReturn(42L);
        given(environment.getTeamId()).willReturn(7L);
        given(environment.getState()).willReturn(EnvironmentState.READY);
        given(ready.one(42)).willReturn(Optional.empty());
    }

    @Test
    void aPersonsStopInsideTheWindowIsNamedWithItsAuthorAndTheNextChange() {
        given(store.forEnvironment(7, 42)).willReturn(stored(WORKDAYS));
        given(ready.one(42)).willReturn(Optional.of(new ReadyEnvironment(42, 7, EnvironmentPower.OFF, WORKDAYS,
                Instant.parse("2026-11-01T00:00:00Z"), new ReadyEnvironment.LatestOperation(3, "STOP", false, "alice",
                        NOW.minusSeconds(600)))));

        assertThat(summaries.summaryOf(environment).orElseThrow().hold())
                .isEqualTo("Stopped by alice until the schedule's next change at Mon 20:00 CET");
    }

    @Test
    void anOverrideIsNamedWithItsEnd() {
        given(store.forEnvironment(7, 42)).willReturn(stored(WORKDAYS.withOverride(
                new ManualOverride(PowerState.OFF, Instant.parse("2026-12-08T07:00:00Z")))));

        assertThat(summaries.summaryOf(environment).orElseThrow().hold())
                .isEqualTo("Kept off by an override until Tue 08:00 CET, whatever the schedule says");
    }

    @Test
    void nothingHoldsWhenTheSchedulerDecides() {
        given(store.forEnvironment(7, 42)).willReturn(stored(WORKDAYS));
        given(ready.one(42)).willReturn(Optional.of(new ReadyEnvironment(42, 7, EnvironmentPower.ON, WORKDAYS,
                Instant.parse("2026-11-01T00:00:00Z"), new ReadyEnvironment.LatestOperation(3, "START", false,
                        "scheduler", NOW.minusSeconds(3600)))));

        assertThat(summaries.summaryOf(environment).orElseThrow().hold()).isNull();
    }

    private static StoredSchedule stored(Schedule schedule) {
        return new StoredSchedule(schedule, StoredSchedule.Source.OWN, NOW.minusSeconds(86_400 * 30L), "bob");
    }
}
