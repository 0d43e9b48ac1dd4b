package com.mcpportal.portal.environment.drift;

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

/** The periodic drift check as a clustered Quartz job: one instance of the cluster runs it each interval. */
@Configuration(proxyBeanMethods = false)
class DriftJobConfiguration {

    @Bean
    JobDetail driftCheckJob() {
        return JobBuilder.newJob(DriftCheckJob.class).withIdentity("drift-check", "environments")
                .withDescription("Compares ready environments with what their cloud runs").storeDurably().build();
    }

    @Bean
    Trigger driftCheckTrigger(JobDetail driftCheckJob, EnvironmentSettings settings) {
        return TriggerBuilder.newTrigger().forJob(driftCheckJob).withIdentity("drift-check", "environments")
                .startNow().withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(settings.driftInterval().toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
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
