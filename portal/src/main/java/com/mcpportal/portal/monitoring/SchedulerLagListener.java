package com.mcpportal.portal.monitoring;

import java.time.Duration;
import java.util.Date;

import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.quartz.Trigger.CompletedExecutionInstruction;
import org.quartz.TriggerListener;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Measures how late each Quartz job starts: the fire time minus the time it was scheduled for
 * ({@code portal.scheduler.lag}, tag {@code group} = the job's group), and counts misfires
 * ({@code portal.scheduler.misfires}). A schedule transition meant for 08:00 that ran at 08:03 shows here
 * as three minutes: busy worker threads, a stopped cluster, or a portal that was down.
 */
final class SchedulerLagListener implements TriggerListener {

    static final String LAG = "portal.scheduler.lag";
    static final String MISFIRES = "portal.scheduler.misfires";
    /** Buckets an alert can use: "transitions run more than a minute late". */
    private static final Duration[] OBJECTIVES = {Duration.ofSeconds(1), Duration.ofSeconds(5),
            Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15)};

    private final MeterRegistry registry;

    SchedulerLagListener(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String getName() {
        return "portal-scheduler-lag";
    }

    @Override
    public void triggerFired(Trigger trigger, JobExecutionContext context) {
        Date scheduled = context.getScheduledFireTime();
        Date fired = context.getFireTime();
        if (scheduled == null || fired == null) {
            return;
        }
        // A trigger can fire a few milliseconds early; that is no lag.
        Duration lag = Duration.ofMillis(Math.max(0, fired.getTime() - scheduled.getTime()));
        Timer.builder(LAG).description("How late Quartz jobs started compared with their scheduled time")
                .tag("group", group(trigger)).serviceLevelObjectives(OBJECTIVES)
                .register(registry).record(lag);
    }

    @Override
    public boolean vetoJobExecution(Trigger trigger, JobExecutionContext context) {
        return false;
    }

    @Override
    public void triggerMisfired(Trigger trigger) {
        Counter.builder(MISFIRES).description("Quartz triggers that missed their fire time")
                .tag("group", group(trigger)).register(registry).increment();
    }

    @Override
    public void triggerComplete(Trigger trigger, JobExecutionContext context,
            CompletedExecutionInstruction instruction) {
        // Only the start matters for lag.
    }

    private static String group(Trigger trigger) {
        return trigger.getJobKey() == null ? "unknown" : trigger.getJobKey().getGroup();
    }
}
