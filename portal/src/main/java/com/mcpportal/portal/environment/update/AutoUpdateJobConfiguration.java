package com.mcpportal.portal.environment.update;

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

/** The off-hours update pass as a clustered Quartz job: one instance of the cluster runs it each interval. */
@Configuration(proxyBeanMethods = false)
class AutoUpdateJobConfiguration {

    @Bean
    JobDetail autoUpdateJob() {
        return JobBuilder.newJob(AutoUpdateJob.class).withIdentity("server-auto-update", "environments")
                .withDescription("Updates the MCP server of idle environments that are off, for teams that chose it")
                .storeDurably().build();
    }

    @Bean
    Trigger autoUpdateTrigger(JobDetail autoUpdateJob, EnvironmentSettings settings) {
        return TriggerBuilder.newTrigger().forJob(autoUpdateJob).withIdentity("server-auto-update", "environments")
                .startNow().withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(settings.autoUpdateInterval().toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }

    /** Runs {@link AutoUpdates#updateIdleEnvironments()}. */
    @DisallowConcurrentExecution
    static class AutoUpdateJob implements Job {

        private final AutoUpdates updates;

        AutoUpdateJob(AutoUpdates updates) {
            this.updates = updates;
        }

        @Override
        public void execute(JobExecutionContext context) {
            updates.updateIdleEnvironments();
        }
    }
}
