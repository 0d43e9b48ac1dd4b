package com.mcpportal.portal.apikey;

import java.time.Clock;

import com.mcpportal.portal.apikey.keyset.KeySetSync;
import com.mcpportal.portal.jobs.QuartzJobs;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Trigger;

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
        return QuartzJobs.durableJob(KeySetSyncJob.class, JobKey.jobKey("key-set-sync", "api-keys"),
                "Republishes key sets that changed, expired or failed to publish");
    }

    @Bean
    Trigger keySetSyncTrigger(@Qualifier("keySetSyncJob") JobDetail job, ApiKeySettings settings) {
        return QuartzJobs.every(job, settings.syncInterval());
    }

    @Bean
    JobDetail keyRotationJob() {
        return QuartzJobs.durableJob(KeyRotationJob.class, JobKey.jobKey("key-rotation", "api-keys"),
                "Rolls keys due under their team's rotation policy");
    }

    @Bean
    Trigger keyRotationTrigger(@Qualifier("keyRotationJob") JobDetail job, ApiKeySettings settings) {
        // A missed run (portal down at that hour) runs once as soon as the scheduler is back.
        return QuartzJobs.cronUtc(job, settings.rotationCron());
    }

    /** Notices expiries, then republishes what changed. */
    @DisallowConcurrentExecution
    static class KeySetSyncJob implements Job {

        private final KeyRotation rotation;
        private final KeySetSync sync;
        private final Clock clock;

        KeySetSyncJob(KeyRotation rotation, KeySetSync sync, Clock clock) {
            this.rotation = rotation;
            this.sync = sync;
            this.clock = clock;
        }

        @Override
        public void execute(JobExecutionContext context) {
            rotation.noteExpired(clock.instant());
            sync.publishAll(false);
        }
    }

    /** Rolls due keys, notices expiries, and republishes every set (repairing anything changed elsewhere). */
    @DisallowConcurrentExecution
    static class KeyRotationJob implements Job {

        private final KeyRotation rotation;
        private final KeySetSync sync;
        private final Clock clock;

        KeyRotationJob(KeyRotation rotation, KeySetSync sync, Clock clock) {
            this.rotation = rotation;
            this.sync = sync;
            this.clock = clock;
        }

        @Override
        public void execute(JobExecutionContext context) {
            var now = clock.instant();
            rotation.rollDue(now);
            rotation.noteExpired(now);
            sync.publishAll(true);
        }
    }
}
