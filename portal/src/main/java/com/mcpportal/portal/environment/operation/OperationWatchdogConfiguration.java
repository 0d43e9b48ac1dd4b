package com.mcpportal.portal.environment.operation;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

import com.mcpportal.portal.environment.EnvironmentSettings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The periodic pass that resumes orphaned operations, as a clustered Quartz job. */
@Configuration(proxyBeanMethods = false)
class OperationWatchdogConfiguration {

    @Bean
    JobDetail operationWatchdogJob() {
        return JobBuilder.newJob(OperationWatchdogJob.class).withIdentity("operation-watchdog", "environments")
                .withDescription("Resumes operations left in flight without a job").storeDurably().build();
    }

    @Bean
    Trigger operationWatchdogTrigger(JobDetail operationWatchdogJob, EnvironmentSettings settings) {
        return TriggerBuilder.newTrigger().forJob(operationWatchdogJob).withIdentity("operation-watchdog",
                        "environments")
                .startNow().withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(settings.watchdogInterval().toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
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
