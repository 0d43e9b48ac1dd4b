package com.mcpportal.portal.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;

import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SchedulerMetaData;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.JdbcTemplate;

/** The scheduler states that make a portal unready; the clustered check-in is covered on a real database. */
class QuartzHealthIndicatorTests {

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-25T08:00:00Z"), ZoneOffset.UTC);

    @Test
    void aRunningUnclusteredSchedulerIsUp() throws SchedulerException {
        assertThat(health(true, false, false, false).getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void aSchedulerNotYetStartedIsDown() throws SchedulerException {
        Health health = health(false, false, false, false);
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("reason", "scheduler not started");
    }

    @Test
    void aSchedulerInStandbyIsDown() throws SchedulerException {
        Health health = health(true, true, false, false);
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("reason", "scheduler in standby");
    }

    @Test
    void aShutDownSchedulerIsDown() throws SchedulerException {
        assertThat(health(true, false, true, false).getDetails()).containsEntry("reason", "scheduler shut down");
    }

    private Health health(boolean started, boolean standby, boolean shutdown, boolean clustered)
            throws SchedulerException {
        Scheduler scheduler = mock(Scheduler.class);
        when(scheduler.getMetaData()).thenReturn(new SchedulerMetaData("mcp-portal", "host-1", Scheduler.class, false,
                started, standby, shutdown, new Date(), 0, Object.class, true, clustered, Object.class, 2, "2.5.2"));
        return new QuartzHealthIndicator(scheduler, mock(JdbcTemplate.class), "QRTZ_", clock::instant).health(true);
    }
}
