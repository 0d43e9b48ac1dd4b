package com.mcpportal.portal.environment.traffic;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The periodic error-rate check as a clustered Quartz job: one instance of the cluster runs it each interval. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ErrorRateSettings.class)
class ErrorRateJobConfiguration {

    @Bean
    JobDetail errorRateCheckJob() {
        return JobBuilder.newJob(ErrorRateCheckJob.class).withIdentity("error-rate-check", "environments")
                .withDescription("Reads ready environments' MCP request metrics and flags high error rates")
                .storeDurably().build();
    }

    @Bean
    Trigger errorRateCheckTrigger(JobDetail errorRateCheckJob, ErrorRateSettings settings) {
        return TriggerBuilder.newTrigger().forJob(errorRateCheckJob).withIdentity("error-rate-check", "environments")
                .startNow().withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(settings.errorRateInterval().toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }

    /** Runs {@link ErrorRateCheck#checkAll()}. */
    @DisallowConcurrentExecution
    static class ErrorRateCheckJob implements Job {

        private final ErrorRateCheck check;

        ErrorRateCheckJob(ErrorRateCheck check) {
            this.check = check;
        }

        @Override
        public void execute(JobExecutionContext context) {
            check.checkAll();
        }
    }
}
