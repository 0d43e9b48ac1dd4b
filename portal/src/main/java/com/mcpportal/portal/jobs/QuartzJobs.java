package com.mcpportal.portal.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;

import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/**
 * The two shapes of the portal's periodic Quartz jobs, so every feature defines them alike: a durable job, and a
 * trigger that repeats every interval or follows a cron expression in UTC. Trigger times are the scheduler's: Quartz
 * fires by the system clock, whatever the portal's {@code Clock} bean says (tests fix or move that one), so
 * {@link #schedulerNow()} is the one place outside {@code ClockConfiguration} that reads the system time.
 */
public final class QuartzJobs {

    private QuartzJobs() {
    }

    /** A job kept in the store without a trigger too, so a "run now" trigger can fire it at any time. */
    public static JobDetail durableJob(Class<? extends Job> type, JobKey key, String description) {
        return JobBuilder.newJob(type).withIdentity(key).withDescription(description).storeDurably().build();
    }

    /** Every {@code interval} from now, under the job's own name. */
    public static Trigger every(JobDetail job, Duration interval) {
        return every(job, interval, schedulerNow());
    }

    /**
     * Every {@code interval} from {@code firstRun}, under the job's own name. Runs missed while no portal was up are
     * dropped, not caught up: the next one does their work.
     */
    public static Trigger every(JobDetail job, Duration interval, Instant firstRun) {
        return TriggerBuilder.newTrigger().forJob(job).withIdentity(job.getKey().getName(), job.getKey().getGroup())
                .startAt(Date.from(firstRun))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(interval.toMillis())
                        .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }

    /** On a Quartz cron expression in UTC, under the job's own name. */
    public static Trigger cronUtc(JobDetail job, String cron) {
        return cronUtc(job, TriggerKey.triggerKey(job.getKey().getName(), job.getKey().getGroup()), cron);
    }

    /** On a Quartz cron expression in UTC; a run missed while no portal was up runs once as soon as one is back. */
    public static Trigger cronUtc(JobDetail job, TriggerKey key, String cron) {
        return TriggerBuilder.newTrigger().forJob(job).withIdentity(key)
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(TimeZone.getTimeZone("UTC"))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    /** The time Quartz fires by (and writes its cluster check-ins with): the system clock's. */
    public static Instant schedulerNow() {
        return Instant.ofEpochMilli(System.currentTimeMillis());
    }
}
