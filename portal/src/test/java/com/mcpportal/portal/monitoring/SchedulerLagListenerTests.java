package com.mcpportal.portal.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Date;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class SchedulerLagListenerTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SchedulerLagListener listener = new SchedulerLagListener(registry);
    private final Trigger trigger = TriggerBuilder.newTrigger().withIdentity("t", "g")
            .forJob("env-42-start", "environment-power").build();

    @Test
    void recordsHowLongAfterItsScheduledTimeAJobStartedPerJobGroup() {
        listener.triggerFired(trigger, fired(1_000_000L, 1_000_000L + 180_000L));

        var lag = registry.get("portal.scheduler.lag").tag("group", "environment-power").timer();
        assertThat(lag.count()).isEqualTo(1);
        assertThat(lag.totalTime(TimeUnit.SECONDS)).isEqualTo(180);
        assertThat(listener.vetoJobExecution(trigger, fired(0, 0))).isFalse();
    }

    @Test
    void aJobThatStartsAFewMillisecondsEarlyHasNoLag() {
        listener.triggerFired(trigger, fired(1_000L, 995L));

        assertThat(registry.get("portal.scheduler.lag").timer().totalTime(TimeUnit.MILLISECONDS)).isZero();
    }

    @Test
    void countsMisfiresPerJobGroup() {
        listener.triggerMisfired(trigger);

        assertThat(registry.get("portal.scheduler.misfires").tag("group", "environment-power").counter().count())
                .isEqualTo(1);
    }

    private static JobExecutionContext fired(long scheduledMillis, long firedMillis) {
        JobExecutionContext context = mock(JobExecutionContext.class);
        when(context.getScheduledFireTime()).thenReturn(new Date(scheduledMillis));
        when(context.getFireTime()).thenReturn(new Date(firedMillis));
        return context;
    }
}
