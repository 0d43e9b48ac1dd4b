package com.mcpportal.portal.environment.operation;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Trigger;

import com.mcpportal.portal.environment.EnvironmentSettings;
import com.mcpportal.portal.jobs.QuartzJobs;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The periodic pass that resumes orphaned operations, as a clustered Quartz job. */
@Configuration(proxyBeanMethods = false)
class OperationWatchdogConfiguration {

    @Bean
    JobDetail operationWatchdogJob() {
        return QuartzJobs.durableJob(OperationWatchdogJob.class, JobKey.jobKey("operation-watchdog", "environments"),
                "Resumes operations left in flight without a job");
    }

    @Bean
    Trigger operationWatchdogTrigger(JobDetail operationWatchdogJob, EnvironmentSettings settings) {
        return QuartzJobs.every(operationWatchdogJob, settings.watchdogInterval());
    }

    /** Runs {@link OperationRecovery#resumeOrphans()}. */
    @DisallowConcurrentExecution
    static class OperationWatchdogJob implements Job {

        private final OperationRecovery recovery;

        OperationWatchdogJob(OperationRecovery recovery) {
            this.recovery = recovery;
        }

        @Override
        public void execute(JobExecutionContext context) {
            recovery.resumeOrphans();
        }
    }
}
