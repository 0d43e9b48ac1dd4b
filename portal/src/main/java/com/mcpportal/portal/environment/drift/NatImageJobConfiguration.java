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

/** The periodic NAT image check as a clustered Quartz job: one instance of the cluster runs it each interval. */
@Configuration(proxyBeanMethods = false)
class NatImageJobConfiguration {

    @Bean
    JobDetail natImageCheckJob() {
        return JobBuilder.newJob(NatImageCheckJob.class).withIdentity("nat-image-check", "environments")
                .withDescription("Compares NAT instances with the latest Amazon Linux AMI and patches those that are off")
                .storeDurably().build();
    }

    @Bean
    Trigger natImageCheckTrigger(JobDetail natImageCheckJob, EnvironmentSettings settings) {
        return TriggerBuilder.newTrigger().forJob(natImageCheckJob).withIdentity("nat-image-check", "environments")
                .startNow().withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(settings.natImageCheckInterval().toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }

    /** Runs {@link NatImageCheck#checkAll()}. */
    @DisallowConcurrentExecution
    static class NatImageCheckJob implements Job {

        private final NatImageCheck check;

        NatImageCheckJob(NatImageCheck check) {
            this.check = check;
        }

        @Override
        public void execute(JobExecutionContext context) {
            check.checkAll();
        }
    }
}
