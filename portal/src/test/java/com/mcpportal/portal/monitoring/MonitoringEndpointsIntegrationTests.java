package com.mcpportal.portal.monitoring;

import static com.mcpportal.portal.cloud.aws.fake.AwsFake.json;
import static com.mcpportal.portal.cloud.aws.fake.AwsFake.jsonError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.TriggerBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.mcpportal.portal.cloud.aws.AwsClients;
import com.mcpportal.portal.cloud.aws.fake.AwsFake;
import com.mcpportal.portal.jobs.QuartzJobs;

import software.amazon.awssdk.services.ecs.model.EcsException;

/**
 * What an operator's Prometheus and load balancer see: health probes without signing in, metrics only with
 * the scrape token, and the portal's own metrics under their documented names once something happened.
 */
@SpringBootTest(properties = "portal.metrics.token=" + MonitoringEndpointsIntegrationTests.TOKEN)
@AutoConfigureMockMvc
class MonitoringEndpointsIntegrationTests {

    static final String TOKEN = "scrape-token-for-tests-0123456789";

    @RegisterExtension
    final AwsFake fake = AwsFake.withEmptyAccount();

    @Autowired
    MockMvc mvc;

    @Autowired
    PortalMetrics metrics;

    @Autowired
    Scheduler scheduler;

    @Autowired
    DataSource dataSource;

    @Test
    void livenessAndReadinessArePublicAndSayUp() throws Exception {
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        String readiness = mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(readiness).contains("\"status\":\"UP\"").doesNotContain("instance", "lastCheckIn");
    }

    @Test
    void aSchedulerInStandbyMakesThePortalUnreadyButStillAlive() throws Exception {
        scheduler.standby();
        try {
            mvc.perform(get("/actuator/health/readiness")).andExpect(status().isServiceUnavailable());
            mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
        } finally {
            scheduler.start();
        }
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
    }

    @Test
    void anInstanceWhoseClusterCheckInIsStaleIsDown() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Health now = new QuartzHealthIndicator(scheduler, jdbc, "QRTZ_", QuartzJobs::schedulerNow).health(true);
        Health inFiveMinutes = new QuartzHealthIndicator(scheduler, jdbc, "QRTZ_",
                () -> QuartzJobs.schedulerNow().plus(Duration.ofMinutes(5))).health(true);

        assertThat(now.getStatus()).isEqualTo(Status.UP);
        assertThat(now.getDetails()).containsEntry("clustered", true).containsKey("lastCheckIn");
        assertThat(inFiveMinutes.getStatus()).isEqualTo(Status.DOWN);
        assertThat((String) inFiveMinutes.getDetails().get("reason")).startsWith("last cluster check-in was");
    }

    @Test
    void prometheusRefusesRequestsWithoutTheToken() throws Exception {
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer realm=\"metrics\""));
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer not-the-token-0123456789"))
                .andExpect(status().isUnauthorized());
        // A signed-in administrator is no scraper either: the token is the only way in.
        mvc.perform(get("/actuator/prometheus").with(user("admin").roles("ADMIN")))
                .andExpect(status().isForbidden());
    }

    @Test
    void prometheusShowsAwsCallsAndErrorsByServiceAndCode() throws Exception {
        fake.answer(json("ecs", "DescribeClusters"), jsonError(400, "AccessDeniedException", "not allowed"));
        AwsClients aws = fake.clientFactory(fake.settings()).clientsFor(AwsFake.target());

        aws.sts().getCallerIdentity();
        assertThatThrownBy(() -> aws.ecs().describeClusters(r -> r.clusters("mcp-x"))).isInstanceOf(EcsException.class);

        String scrape = scrape();
        assertThat(scrape).containsPattern(
                "portal_aws_calls_total\\{[^}]*operation=\"GetCallerIdentity\",outcome=\"success\",service=\"sts\"[^}]*} [1-9]");
        assertThat(scrape).containsPattern(
                "portal_aws_errors_total\\{[^}]*code=\"AccessDeniedException\",operation=\"DescribeClusters\",service=\"ecs\"");
    }

    @Test
    void prometheusShowsHowLateScheduledJobsRan() throws Exception {
        scheduler.scheduleJob(JobBuilder.newJob(NothingJob.class).withIdentity("lag-probe", "monitoring-test").build(),
                TriggerBuilder.newTrigger().withIdentity("lag-probe", "monitoring-test").startNow().build());
        await("the job fired").atMost(Duration.ofSeconds(20))
                .until(() -> scrape().contains("portal_scheduler_lag_seconds_count{group=\"monitoring-test\""));
        assertThat(scrape()).contains("portal_scheduler_lag_seconds_bucket{group=\"monitoring-test\",le=\"60.0\"}");
    }

    @Test
    void prometheusShowsTheFacadesOperationKeySetAndEnvironmentMetrics() throws Exception {
        metrics.operationFinished("provision", "succeeded", Duration.ofSeconds(42));
        metrics.keySetPublished("env-7");
        metrics.gaugeEnvironmentsByState(Phase.class, () -> Map.of(Phase.READY, 3L));

        String scrape = scrape();

        assertThat(scrape).containsPattern("portal_operations_total\\{kind=\"provision\",outcome=\"succeeded\"} [1-9]")
                .contains("portal_operations_duration_seconds_count{kind=\"provision\",outcome=\"succeeded\"}")
                .containsPattern("portal_keysets_published_total\\{environment=\"env-7\",outcome=\"succeeded\"} [1-9]")
                .contains("portal_environments{state=\"ready\"} 3.0", "portal_environments{state=\"draft\"} 0.0");
    }

    private String scrape() throws Exception {
        return mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer " + TOKEN))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    /** Stands in for an environment state enum. */
    enum Phase { DRAFT, READY }

    /** A job that does nothing: only its start is measured. */
    public static class NothingJob implements Job {
        @Override
        public void execute(JobExecutionContext context) {
        }
    }
}
