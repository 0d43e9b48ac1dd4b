package com.mcpportal.portal.audit;

import java.util.Date;
import java.util.Set;
import java.util.TimeZone;

import org.quartz.CronScheduleBuilder;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

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
        schedule("chain-verification", AuditVerificationJob.class, settings.verifyCron());
        schedule("retention", AuditRetentionJob.class, settings.pruneCron());
        scheduleWebhook();
    }

    /** Every poll interval while a URL is configured; removed from the store when it no longer is. */
    private void scheduleWebhook() {
        JobKey key = JobKey.jobKey("webhook", GROUP);
        try {
            if (!settings.webhook().enabled()) {
                scheduler.deleteJob(key);
                return;
            }
            long interval = settings.webhook().pollInterval().toMillis();
            JobDetail job = JobBuilder.newJob(AuditWebhookJob.class).withIdentity(key).storeDurably().build();
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity("webhook", GROUP).forJob(job)
                    .startAt(new Date(System.currentTimeMillis() + interval))
                    .withSchedule(SimpleScheduleBuilder.repeatMinutelyForever().withIntervalInMilliseconds(interval)
                            .withMisfireHandlingInstructionNextWithRemainingCount())
                    .build();
            scheduler.scheduleJob(job, Set.of(trigger), true);
        }
        catch (SchedulerException ex) {
            throw new IllegalStateException("Could not schedule the audit webhook", ex);
        }
    }

    private void schedule(String name, Class<? extends Job> type, String cron) {
        JobDetail job = JobBuilder.newJob(type).withIdentity(name, GROUP).storeDurably().build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(name, GROUP).forJob(job)
                .withSchedule(CronScheduleBuilder.cronSchedule(cron).inTimeZone(TimeZone.getTimeZone("UTC"))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        try {
            scheduler.scheduleJob(job, Set.of(trigger), true);
        }
        catch (SchedulerException ex) {
            throw new IllegalStateException("Could not schedule the audit job " + name, ex);
        }
    }
}
