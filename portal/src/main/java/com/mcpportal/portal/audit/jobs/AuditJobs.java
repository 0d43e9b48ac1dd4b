package com.mcpportal.portal.audit.jobs;

import java.time.Duration;
import java.util.Set;

import com.mcpportal.portal.audit.AuditSettings;
import com.mcpportal.portal.jobs.QuartzJobs;

import org.quartz.Job;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the audit jobs into the clustered Quartz store. Each start replaces their triggers, so a changed cron in
 * the settings takes effect (Boot's job beans would keep the stored trigger); with several portal instances the
 * cluster fires each job once.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditSettings.class)
class AuditJobs implements SmartInitializingSingleton {

    static final String GROUP = "audit";

    private final Scheduler scheduler;
    private final AuditSettings settings;

    AuditJobs(Scheduler scheduler, AuditSettings settings) {
        this.scheduler = scheduler;
        this.settings = settings;
    }

    @Override
    public void afterSingletonsInstantiated() {
        JobDetail verification = job(AuditVerificationJob.class, "chain-verification",
                "Verifies the audit log's hash chain");
        schedule(verification, QuartzJobs.cronUtc(verification, settings.verifyCron()));
        JobDetail retention = job(AuditRetentionJob.class, "retention", "Archives and removes events past retention");
        schedule(retention, QuartzJobs.cronUtc(retention, settings.pruneCron()));
        scheduleWebhook();
    }

    /** Every poll interval (the first one interval after the start) while a URL is configured; removed when not. */
    private void scheduleWebhook() {
        JobDetail webhook = job(AuditWebhookJob.class, "webhook", "Streams new audit events to the SIEM");
        if (!settings.webhook().enabled()) {
            try {
                scheduler.deleteJob(webhook.getKey());
            }
            catch (SchedulerException ex) {
                throw new IllegalStateException("Could not remove the audit webhook job", ex);
            }
            return;
        }
        Duration interval = settings.webhook().pollInterval();
        schedule(webhook, QuartzJobs.every(webhook, interval, QuartzJobs.schedulerNow().plus(interval)));
    }

    private static JobDetail job(Class<? extends Job> type, String name, String description) {
        return QuartzJobs.durableJob(type, JobKey.jobKey(name, GROUP), description);
    }

    private void schedule(JobDetail job, Trigger trigger) {
        try {
            scheduler.scheduleJob(job, Set.of(trigger), true);
        }
        catch (SchedulerException ex) {
            throw new IllegalStateException("Could not schedule the audit job " + job.getKey().getName(), ex);
        }
    }
}
