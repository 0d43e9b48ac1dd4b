package com.mcpportal.portal.cost;

import java.util.TimeZone;

import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The daily price refresh as a clustered Quartz job (one portal instance runs it), followed by a check of every
 * team budget against the new prices. An admin's "refresh now" fires the same job with its own trigger name.
 */
@Configuration(proxyBeanMethods = false)
class PriceRefreshJobConfiguration {

    static final JobKey JOB = JobKey.jobKey("price-refresh", "costs");
    /** Job data key: who asked ("daily" when the cron trigger fired). */
    static final String TRIGGERED_BY = "triggeredBy";

    @Bean
    JobDetail priceRefreshJob() {
        return JobBuilder.newJob(PriceRefreshJob.class).withIdentity(JOB)
                .withDescription("Reads AWS prices into the price cache, then checks team budgets")
                .storeDurably().build();
    }

    @Bean
    Trigger priceRefreshTrigger(JobDetail priceRefreshJob, PricingSettings settings) {
        return TriggerBuilder.newTrigger().forJob(priceRefreshJob).withIdentity("price-refresh-daily", "costs")
                .withSchedule(CronScheduleBuilder.cronSchedule(settings.refreshCron())
                        .inTimeZone(TimeZone.getTimeZone("UTC"))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    /** Runs {@link PriceRefresh#refresh} and {@link TeamBudgets#evaluateAll}. */
    @DisallowConcurrentExecution
    static class PriceRefreshJob implements Job {

        private final PriceRefresh refresh;
        private final TeamBudgets budgets;

        PriceRefreshJob(PriceRefresh refresh, TeamBudgets budgets) {
            this.refresh = refresh;
            this.budgets = budgets;
        }

        @Override
        public void execute(JobExecutionContext context) {
            String by = context.getMergedJobDataMap().getString(TRIGGERED_BY);
            String trigger = by == null ? "daily" : by;
            refresh.refresh(trigger);
            budgets.evaluateAll("price refresh (" + trigger + ")");
        }
    }
}
