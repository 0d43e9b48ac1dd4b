package com.mcpportal.portal.apikey;

import java.time.Clock;
import java.util.TimeZone;

import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API keys' clustered Quartz jobs: the key-set pass every {@code portal.keys.sync-interval} (expiries noticed,
 * changed or failed sets republished) and the daily rotation at {@code portal.keys.rotation-cron} (UTC).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiKeySettings.class)
class ApiKeyJobsConfiguration {

    @Bean
    JobDetail keySetSyncJob() {
        return JobBuilder.newJob(KeySetSyncJob.class).withIdentity("key-set-sync", "api-keys")
                .withDescription("Republishes key sets that changed, expired or failed to publish").storeDurably()
                .build();
    }

    @Bean
    Trigger keySetSyncTrigger(@Qualifier("keySetSyncJob") JobDetail job, ApiKeySettings settings) {
        return TriggerBuilder.newTrigger().forJob(job).withIdentity("key-set-sync", "api-keys").startNow()
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(settings.syncInterval().toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }

    @Bean
    JobDetail keyRotationJob() {
        return JobBuilder.newJob(KeyRotationJob.class).withIdentity("key-rotation", "api-keys")
                .withDescription("Rolls keys due under their team's rotation policy").storeDurably().build();
    }

    @Bean
    Trigger keyRotationTrigger(@Qualifier("keyRotationJob") JobDetail job, ApiKeySettings settings) {
        // A missed run (portal down at that hour) runs once as soon as the scheduler is back.
        return TriggerBuilder.newTrigger().forJob(job).withIdentity("key-rotation", "api-keys")
                .withSchedule(CronScheduleBuilder.cronSchedule(settings.rotationCron())
                        .inTimeZone(TimeZone.getTimeZone("UTC")).withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    /** Notices expiries, then republishes what changed. */
    @DisallowConcurrentExecution
    static class KeySetSyncJob implements Job {

        private final KeyRotation rotation;
        private final KeySetSync sync;

        KeySetSyncJob(KeyRotation rotation, KeySetSync sync) {
            this.rotation = rotation;
            this.sync = sync;
        }

        @Override
        public void execute(JobExecutionContext context) {
            rotation.noteExpired(Clock.systemUTC().instant());
            sync.publishAll(false);
        }
    }

    /** Rolls due keys, notices expiries, and republishes every set (repairing anything changed elsewhere). */
    @DisallowConcurrentExecution
    static class KeyRotationJob implements Job {

        private final KeyRotation rotation;
        private final KeySetSync sync;

        KeyRotationJob(KeyRotation rotation, KeySetSync sync) {
            this.rotation = rotation;
            this.sync = sync;
        }

        @Override
        public void execute(JobExecutionContext context) {
            var now = Clock.systemUTC().instant();
            rotation.rollDue(now);
            rotation.noteExpired(now);
            sync.publishAll(true);
        }
    }
}
