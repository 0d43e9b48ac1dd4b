package com.mcpportal.portal.environment.drift;

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

/** The periodic drift check as a clustered Quartz job: one instance of the cluster runs it each interval. */
@Configuration(proxyBeanMethods = false)
class DriftJobConfiguration {

    @Bean
    JobDetail driftCheckJob() {
        return QuartzJobs.durableJob(DriftCheckJob.class, JobKey.jobKey("drift-check", "environments"),
                "Compares ready environments with what their cloud runs");
    }

    @Bean
    Trigger driftCheckTrigger(JobDetail driftCheckJob, EnvironmentSettings settings) {
        return QuartzJobs.every(driftCheckJob, settings.driftInterval());
    }

    /** Runs {@link DriftCheck#checkAll()}. */
    @DisallowConcurrentExecution
    static class DriftCheckJob implements Job {

        private final DriftCheck driftCheck;

        DriftCheckJob(DriftCheck driftCheck) {
            this.driftCheck = driftCheck;
        }

        @Override
        public void execute(JobExecutionContext context) {
            driftCheck.checkAll();
        }
    }
}
