package com.mcpportal.portal.cost.pricing;

import com.mcpportal.portal.cost.budget.TeamBudgets;
import com.mcpportal.portal.jobs.QuartzJobs;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Trigger;
import org.quartz.TriggerKey;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The daily price refresh as a clustered Quartz job (one portal instance runs it), followed by a check of every
 * team budget against the new prices. An admin's "refresh now" fires the same job with its own trigger name.
 */
@Configuration(proxyBeanMethods = false)
public class PriceRefreshJobConfiguration {

    public static final JobKey JOB = JobKey.jobKey("price-refresh", "costs");
    /** Job data key: who asked ("daily" when the cron trigger fired). */
    public static final String TRIGGERED_BY = "triggeredBy";

    @Bean
    JobDetail priceRefreshJob() {
        return QuartzJobs.durableJob(PriceRefreshJob.class, JOB,
                "Reads AWS prices into the price cache, then checks team budgets");
    }

    @Bean
    Trigger priceRefreshTrigger(JobDetail priceRefreshJob, PricingSettings settings) {
        return QuartzJobs.cronUtc(priceRefreshJob, TriggerKey.triggerKey("price-refresh-daily", "costs"),
                settings.refreshCron());
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
