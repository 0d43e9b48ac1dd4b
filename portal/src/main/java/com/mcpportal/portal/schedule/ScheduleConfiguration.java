package com.mcpportal.portal.schedule;

import java.time.Duration;
import java.time.Instant;

import com.mcpportal.portal.jobs.QuartzJobs;
import com.mcpportal.portal.schedule.power.EdgeTriggers;
import com.mcpportal.portal.schedule.power.ScheduleReconciler;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Trigger;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The schedule jobs in the clustered Quartz store: the one durable job every environment's edge trigger fires
 * ({@link EdgeTriggers}), and the periodic reconcile pass.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ScheduleSettings.class, MirrorSettings.class})
class ScheduleConfiguration {

    @Bean
    JobDetail scheduleEdgeJob() {
        return QuartzJobs.durableJob(ScheduleEdgeJob.class, EdgeTriggers.JOB,
                "Starts or stops an environment at an edge of its schedule");
    }

    @Bean
    JobDetail scheduleReconcileJob() {
        return QuartzJobs.durableJob(ScheduleReconcileJob.class, JobKey.jobKey("schedule-reconcile", "schedules"),
                "Puts every ready environment in its scheduled power state");
    }

    /**
     * Replaced at every start (overwrite-existing-jobs), so a pass runs within one interval of the portal coming up.
     * An interval of a minute or less runs on whole multiples of itself (the default: every minute at :00), so the
     * pass runs at the moment most schedules change, 08:00 sharp, and enqueues a shared edge's thousands of starts
     * in a few batches; a longer interval starts at once.
     */
    @Bean
    Trigger scheduleReconcileTrigger(JobDetail scheduleReconcileJob, ScheduleSettings settings) {
        return QuartzJobs.every(scheduleReconcileJob, settings.reconcileInterval(),
                firstPass(QuartzJobs.schedulerNow(), settings.reconcileInterval()));
    }

    /** When the first pass runs: the next whole multiple of an interval up to a minute long, else now. */
    static Instant firstPass(Instant now, Duration interval) {
        long every = interval.toMillis();
        if (every > Duration.ofMinutes(1).toMillis()) {
            return now;
        }
        long millis = now.toEpochMilli();
        return Instant.ofEpochMilli(millis - Math.floorMod(millis, every) + every);
    }

    /** Runs {@link ScheduleReconciler#edgeFired} for the environment named in the trigger. */
    static class ScheduleEdgeJob implements Job {

        private final ScheduleReconciler reconciler;

        ScheduleEdgeJob(ScheduleReconciler reconciler) {
            this.reconciler = reconciler;
        }

        @Override
        public void execute(JobExecutionContext context) {
            reconciler.edgeFired(context.getMergedJobDataMap().getLong(EdgeTriggers.ENVIRONMENT_ID),
                    context.getScheduledFireTime().toInstant());
        }
    }

    /**
     * Runs {@link ScheduleReconciler#reconcileAll()} and then the schedule mirrors' pass
     * ({@link ScheduleMirrorService#pass()}); one pass at a time in the whole cluster.
     */
    @DisallowConcurrentExecution
    static class ScheduleReconcileJob implements Job {

        private final ScheduleReconciler reconciler;
        private final ScheduleMirrorService mirrors;
        private final ScheduleSettings settings;

        ScheduleReconcileJob(ScheduleReconciler reconciler, ScheduleMirrorService mirrors, ScheduleSettings settings) {
            this.reconciler = reconciler;
            this.mirrors = mirrors;
            this.settings = settings;
        }

        @Override
        public void execute(JobExecutionContext context) {
            reconciler.reconcileAll();
            // After the power pass, so a start or stop is never held up by the cloud's scheduler API; like the
            // power pass, a portal that does not enforce schedules writes nothing into the cloud either.
            if (settings.enforce()) {
                mirrors.pass();
            }
        }
    }
}
