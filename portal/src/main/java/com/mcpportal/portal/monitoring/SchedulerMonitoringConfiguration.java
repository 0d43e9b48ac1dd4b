package com.mcpportal.portal.monitoring;

import javax.sql.DataSource;

import com.mcpportal.portal.jobs.QuartzJobs;

import org.quartz.Scheduler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/** Watches the Quartz scheduler: its lag per job group (a metric) and its readiness (health {@code quartz}). */
@Configuration(proxyBeanMethods = false)
class SchedulerMonitoringConfiguration {

    @Bean
    SchedulerFactoryBeanCustomizer schedulerLagListener(ObjectProvider<MeterRegistry> registry) {
        // Global: every job, whichever feature schedules it, is measured without registering anything itself.
        return factory -> registry.ifAvailable(
                meters -> factory.setGlobalTriggerListeners(new SchedulerLagListener(meters)));
    }

    /** The bean name makes the health contributor {@code quartz}, as the readiness group names it. */
    @Bean
    HealthIndicator quartzHealthIndicator(Scheduler scheduler, DataSource dataSource,
            @Value("${spring.quartz.properties.org.quartz.jobStore.tablePrefix:QRTZ_}") String tablePrefix) {
        return new QuartzHealthIndicator(scheduler, new JdbcTemplate(dataSource), tablePrefix, QuartzJobs::schedulerNow);
    }
}
