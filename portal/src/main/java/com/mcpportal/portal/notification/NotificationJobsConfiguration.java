package com.mcpportal.portal.notification;

import java.time.Duration;

import com.mcpportal.portal.jobs.QuartzJobs;
import com.mcpportal.portal.notification.NotificationSettings.PortalAddress;

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
 * The notifications' clustered Quartz jobs: the dispatcher every {@code portal.notifications.dispatch-interval} and
 * the expiring-key check every {@code key-check-interval}, and the pruning of old messages daily. Several portal instances may send at once: the outbox
 * claim ({@code FOR UPDATE SKIP LOCKED}) gives each message to one of them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({NotificationSettings.class, PortalAddress.class})
class NotificationJobsConfiguration {

    @Bean
    JobDetail notificationDispatchJob() {
        return QuartzJobs.durableJob(DispatchJob.class, JobKey.jobKey("notification-dispatch", "notifications"),
                "Sends the notifications that are due");
    }

    @Bean
    Trigger notificationDispatchTrigger(@Qualifier("notificationDispatchJob") JobDetail job,
                                        NotificationSettings settings) {
        return QuartzJobs.every(job, settings.dispatchInterval());
    }

    @Bean
    JobDetail keyExpiryNoticeJob() {
        return QuartzJobs.durableJob(KeyExpiryJob.class, JobKey.jobKey("key-expiry-notices", "notifications"),
                "Announces API keys that expire soon");
    }

    @Bean
    Trigger keyExpiryNoticeTrigger(@Qualifier("keyExpiryNoticeJob") JobDetail job, NotificationSettings settings) {
        return QuartzJobs.every(job, settings.keyCheckInterval());
    }

    @Bean
    JobDetail notificationPruneJob() {
        return QuartzJobs.durableJob(PruneJob.class, JobKey.jobKey("notification-prune", "notifications"),
                "Deletes notification messages sent or given up longer ago than the retention");
    }

    @Bean
    Trigger notificationPruneTrigger(@Qualifier("notificationPruneJob") JobDetail job) {
        return QuartzJobs.every(job, Duration.ofDays(1));
    }

    /** Not {@code @DisallowConcurrentExecution}: a second instance's run takes what the first one's did not claim. */
    static class DispatchJob implements Job {

        private final Dispatcher dispatcher;

        DispatchJob(Dispatcher dispatcher) {
            this.dispatcher = dispatcher;
        }

        @Override
        public void execute(JobExecutionContext context) {
            dispatcher.dispatchDue();
        }
    }

    @DisallowConcurrentExecution
    static class PruneJob implements Job {

        private final DeliveryPruning pruning;

        PruneJob(DeliveryPruning pruning) {
            this.pruning = pruning;
        }

        @Override
        public void execute(JobExecutionContext context) {
            pruning.prune();
        }
    }

    @DisallowConcurrentExecution
    static class KeyExpiryJob implements Job {

        private final KeyExpiryNotices notices;

        KeyExpiryJob(KeyExpiryNotices notices) {
            this.notices = notices;
        }

        @Override
        public void execute(JobExecutionContext context) {
            notices.check();
        }
    }
}
