package com.mcpportal.portal.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.quartz.Scheduler;
import org.quartz.SchedulerMetaData;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Readiness of the scheduler: started, not in standby, not shut down, and (clustered) this instance checked
 * in to the cluster recently. An instance whose check-in is stale is about to be declared dead by its peers,
 * which then take over its jobs; it should not take traffic either.
 */
final class QuartzHealthIndicator extends AbstractHealthIndicator {

    /** Quartz's own grace on top of the interval before peers treat an instance as failed. */
    static final Duration CHECK_IN_GRACE = Duration.ofMillis(7_500);

    private final Scheduler scheduler;
    private final JdbcTemplate jdbc;
    private final String tablePrefix;
    private final Supplier<Instant> schedulerNow;

    /** @param schedulerNow the time Quartz writes its check-ins by (never the portal's Clock, which tests move) */
    QuartzHealthIndicator(Scheduler scheduler, JdbcTemplate jdbc, String tablePrefix, Supplier<Instant> schedulerNow) {
        super("Quartz scheduler health check failed");
        this.scheduler = scheduler;
        this.jdbc = jdbc;
        this.tablePrefix = tablePrefix;
        this.schedulerNow = schedulerNow;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) throws Exception {
        SchedulerMetaData meta = scheduler.getMetaData();
        health.withDetail("instance", meta.getSchedulerInstanceId())
                .withDetail("clustered", meta.isJobStoreClustered());
        if (meta.isShutdown() || !meta.isStarted()) {
            health.down().withDetail("reason", meta.isShutdown() ? "scheduler shut down" : "scheduler not started");
            return;
        }
        if (meta.isInStandbyMode()) {
            health.down().withDetail("reason", "scheduler in standby");
            return;
        }
        if (meta.isJobStoreClustered()) {
            checkIn(health, meta);
            return;
        }
        health.up();
    }

    private void checkIn(Health.Builder health, SchedulerMetaData meta) {
        // Table names are Quartz's own (prefix from configuration), never user input.
        List<long[]> rows = jdbc.query("SELECT LAST_CHECKIN_TIME, CHECKIN_INTERVAL FROM " + tablePrefix
                        + "SCHEDULER_STATE WHERE SCHED_NAME = ? AND INSTANCE_NAME = ?",
                (row, n) -> new long[] {row.getLong(1), row.getLong(2)},
                meta.getSchedulerName(), meta.getSchedulerInstanceId());
        if (rows.isEmpty()) {
            health.down().withDetail("reason", "no cluster check-in recorded for this instance");
            return;
        }
        Instant lastCheckIn = Instant.ofEpochMilli(rows.get(0)[0]);
        Duration interval = Duration.ofMillis(rows.get(0)[1]);
        Duration age = Duration.between(lastCheckIn, schedulerNow.get());
        health.withDetail("lastCheckIn", lastCheckIn.toString());
        if (age.compareTo(interval.multipliedBy(2).plus(CHECK_IN_GRACE)) > 0) {
            health.down().withDetail("reason", "last cluster check-in was " + age.toSeconds() + " s ago");
            return;
        }
        health.up();
    }
}
