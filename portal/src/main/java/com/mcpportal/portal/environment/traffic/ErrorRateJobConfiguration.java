package com.mcpportal.portal.environment.traffic;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Trigger;

import com.mcpportal.portal.jobs.QuartzJobs;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The periodic error-rate check as a clustered Quartz job: one instance of the cluster runs it each interval. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ErrorRateSettings.class)
class ErrorRateJobConfiguration {

    @Bean
    JobDetail errorRateCheckJob() {
        return QuartzJobs.durableJob(ErrorRateCheckJob.class, JobKey.jobKey("error-rate-check", "environments"),
                "Reads ready environments' MCP request metrics and flags high error rates");
    }

    @Bean
    Trigger errorRateCheckTrigger(JobDetail errorRateCheckJob, ErrorRateSettings settings) {
        return QuartzJobs.every(errorRateCheckJob, settings.errorRateInterval());
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
