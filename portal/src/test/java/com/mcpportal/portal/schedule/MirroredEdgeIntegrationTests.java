package com.mcpportal.portal.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;

import com.mcpportal.portal.cloud.AutoscalingState;
import com.mcpportal.portal.cloud.NatState;
import com.mcpportal.portal.cloud.TaskRange;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentCloud;
import com.mcpportal.portal.environment.EnvironmentPower;
import com.mcpportal.portal.environment.EnvironmentState;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.environment.operation.Actor;
import com.mcpportal.portal.schedule.power.ScheduleReconciler;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * "When both act" (issue 20): an environment whose hours the simulated cloud keeps, at its edges. The test does what
 * the cloud's own schedules do at an edge (the universal targets' {@code ecs:updateService} and
 * {@code ec2:startInstances}, called on the cloud port as they would be), moves the portal's clock across the edge, and
 * lets the portal's edge trigger or reconcile pass run: what the cloud made is recorded as an operation of
 * {@code aws-scheduler} and not made again; what it did not make the portal makes itself once the grace has run out.
 */
@PortalIntegrationTest
@Import(MovableClock.Config.class)
@TestPropertySource(properties = {"portal.schedules.enforce=true", "portal.schedules.reconcile-interval=1h"})
class MirroredEdgeIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    TestData data;

    @Autowired
    ScheduleService schedules;

    @Autowired
    ScheduleMirrorService mirrors;

    @Autowired
    ScheduleReconciler reconciler;

    @Autowired
    Scheduler scheduler;

    @Autowired
    MovableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    Environments environments;
    long teamId;

    @BeforeEach
    void team() {
        environments = new Environments(context);
        teamId = data.team("Mirrored Edges", data.user("edges-owner")).getId();
    }

    @AfterEach
    void restore() throws Exception {
        clock.reset();
        scheduler.start();
    }

    @Test
    void atAStopEdgeTheCloudAlreadyMadeThePortalRecordsItAsTheAwsSchedulersAndStopsNothing() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant close = now.plus(Duration.ofHours(1));
        Schedule schedule = ScheduleExecutionIntegrationTests.windows(now.minus(Duration.ofHours(1)), close);
        Environment environment = onWithHoursInTheCloud(schedule);
        EnvironmentCloud cloud = environments.service().cloudOf(environment.getId());

        int stopsBefore = scaledTo(cloud, 0);
        // At 'close' the cloud's service-off schedule sets the desired count to 0 (its NAT stop follows 10 min later).
        cloud.provider().scaleService(cloud.ref(), 0);
        clock.advance(Duration.between(Instant.now(), close).plusSeconds(5));
        reconciler.edgeFired(environment.getId(), close);

        String window = "window " + schedule.windows().get(0).label() + " Europe/Berlin closed";
        assertThat(requests(environment)).last().isEqualTo("aws-scheduler stop SUCCEEDED " + window);
        assertThat(requests(environment)).noneMatch(r -> r.startsWith("scheduler stop"));
        assertThat(power(environment)).isEqualTo(EnvironmentPower.OFF);
        assertThat(audit(environment)).last().isEqualTo(Map.of("action", "environment.stop.observed",
                "actor", "aws-scheduler"));
        assertThat(scaledTo(cloud, 0)).as("the service was stopped once, by the cloud")
                .isEqualTo(stopsBefore + 1);
        assertThat(cloud.provider().describe(cloud.ref()).nat()).as("the portal did not stop the NAT either")
                .isEqualTo(NatState.RUNNING);
        assertThat(schedules.armedEdge(environment.getId())).as("armed for the next opening")
                .hasValueSatisfying(at -> assertThat(at).isAfter(close.plus(Duration.ofDays(6))));

        // A reconcile pass afterwards finds it in its desired state.
        assertThat(reconciler.reconcileAll().enqueued()).isZero();
        assertThat(requests(environment)).last().isEqualTo("aws-scheduler stop SUCCEEDED " + window);
    }

    @Test
    void whenTheCloudHasNotMadeTheEdgeThePortalWaitsTheGraceThenStopsItItselfAndSaysSo() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant close = now.plus(Duration.ofHours(1));
        Schedule schedule = ScheduleExecutionIntegrationTests.windows(now.minus(Duration.ofHours(1)), close);
        Environment environment = onWithHoursInTheCloud(schedule);
        int before = requests(environment).size();

        // The cloud's schedule did not fire (its role was deleted, say): at the edge the portal only looks.
        clock.advance(Duration.between(Instant.now(), close).plusSeconds(5));
        reconciler.edgeFired(environment.getId(), close);
        assertThat(requests(environment)).hasSize(before);
        assertThat(schedules.armedEdge(environment.getId())).as("looks again in 30 s")
                .hasValueSatisfying(at -> assertThat(at).isBetween(close.plusSeconds(34), close.plusSeconds(36)));
        assertThat(reconciler.reconcileAll().enqueued()).as("the pass waits the grace too").isZero();

        // Three minutes after the edge the portal stops it itself.
        clock.advance(Duration.ofMinutes(3));
        reconciler.edgeFired(environment.getId(), close.plusSeconds(35));
        String window = "window " + schedule.windows().get(0).label() + " Europe/Berlin closed";
        assertThat(requests(environment)).last().asString().startsWith("scheduler stop ")
                .endsWith(window + "; the hours kept in AWS had not stopped it 3 min after the edge, so the portal"
                        + " does");
        ScheduleExecutionIntegrationTests.await("stopped by the portal",
                () -> power(environment) == EnvironmentPower.OFF, Duration.ofSeconds(30));
    }

    @Test
    void afterThePortalWasDownAcrossAStartEdgeThePassRecordsWhatTheCloudDidAndFindsNothingToCorrect()
            throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant open = now.plus(Duration.ofHours(1));
        Schedule schedule = ScheduleExecutionIntegrationTests.windows(open, open.plus(Duration.ofHours(2)));
        Environment environment = offWithHoursInTheCloud(schedule);
        EnvironmentCloud cloud = environments.service().cloudOf(environment.getId());
        environments.service().setAutoscaling(teamId, environment.getId(), new TaskRange(1, 3, 60));
        long operations = requests(environment).size();
        int startsBefore = scaledTo(cloud, 1);

        // The portal is down; the cloud starts the NAT 5 minutes before 'open', then sets the service to one task.
        scheduler.standby();
        cloud.provider().startNat(cloud.ref());
        cloud.provider().scaleService(cloud.ref(), 1);
        clock.advance(Duration.between(Instant.now(), open).plus(Duration.ofMinutes(40)));
        scheduler.start();

        ScheduleReconciler.PassReport pass = reconciler.reconcileAll();

        assertThat(pass.enqueued()).isZero();
        assertThat(requests(environment)).hasSize((int) operations + 1).last().asString()
                .startsWith("aws-scheduler start SUCCEEDED reconcile pass: ");
        assertThat(power(environment)).isEqualTo(EnvironmentPower.ON);
        assertThat(scaledTo(cloud, 1)).as("started once, by the cloud").isEqualTo(startsBefore + 1);
        assertThat(cloud.provider().readAutoscaling(cloud.ref())).as("its CPU scaling range set as a start would")
                .contains(new AutoscalingState(1, 3, 60, false));
        assertThat(audit(environment)).last().isEqualTo(Map.of("action", "environment.start.observed",
                "actor", "aws-scheduler"));

        // Nothing to correct: another pass does nothing, and the mirror's check finds it in sync.
        assertThat(reconciler.reconcileAll().enqueued()).isZero();
        assertThat(requests(environment)).hasSize((int) operations + 1);
        jdbc.update("UPDATE schedule_mirror SET checked_at = checked_at - interval '1 hour' WHERE environment_id = ?",
                environment.getId());
        mirrors.pass();
        assertThat(schedules.mirrorOf(teamId, environment.getId()).state()).isEqualTo(MirrorStatus.State.IN_SYNC);
    }

    /** Provisioned inside its window (so on), then "keep hours in AWS" turned on and written. */
    private Environment onWithHoursInTheCloud(Schedule schedule) {
        Environment environment = provisioned(schedule);
        ScheduleExecutionIntegrationTests.await("on and settled", () -> power(environment) == EnvironmentPower.ON
                && settled(environment), Duration.ofSeconds(30));
        return keptInTheCloud(environment);
    }

    /** Provisioned before its window (the portal stops it at once), then "keep hours in AWS" turned on and written. */
    private Environment offWithHoursInTheCloud(Schedule schedule) {
        Environment environment = provisioned(schedule);
        ScheduleExecutionIntegrationTests.await("stopped after provisioning",
                () -> power(environment) == EnvironmentPower.OFF && settled(environment), Duration.ofSeconds(30));
        return keptInTheCloud(environment);
    }

    private Environment keptInTheCloud(Environment environment) {
        schedules.keepHoursInCloud(teamId, environment.getId(), true);
        mirrors.pass();
        assertThat(schedules.mirrorOf(teamId, environment.getId()).state()).isEqualTo(MirrorStatus.State.IN_SYNC);
        return environment;
    }

    private Environment provisioned(Schedule schedule) {
        Environment draft = environments.draft(teamId, "edges");
        schedules.replace(teamId, draft.getId(), schedule);
        Environments.enqueued(environments.operations().requestProvision(draft.getId(), Actor.user("alice")));
        environments.awaitState(draft.getId(), EnvironmentState.READY);
        return draft;
    }

    private boolean settled(Environment environment) {
        return environments.operations().inFlight(environment.getId()).isEmpty()
                && schedules.armedEdge(environment.getId()).isPresent();
    }

    /** "actor kind state reason" of every start and stop of the environment, oldest first. */
    private List<String> requests(Environment environment) {
        return jdbc.queryForList("SELECT requested_by || ' ' || lower(kind) || ' ' || state || ' ' || coalesce(reason, '')"
                + " FROM operation WHERE environment_id = ? AND kind IN ('START', 'STOP') ORDER BY id", String.class,
                environment.getId());
    }

    private List<Map<String, Object>> audit(Environment environment) {
        return jdbc.queryForList("SELECT action, actor FROM audit_event WHERE target_type = 'environment'"
                + " AND target_id = ? AND action LIKE 'environment.st%' ORDER BY id", String.valueOf(environment.getId()));
    }

    /** How often the simulated cloud's service was scaled to {@code count} tasks. */
    private int scaledTo(EnvironmentCloud cloud, int count) {
        return jdbc.queryForObject("SELECT count(*) FROM simulated_service_scaling WHERE environment_id = ?"
                + " AND running_count = ?", Integer.class, cloud.ref().environmentId(), count);
    }

    private EnvironmentPower power(Environment environment) {
        return environments.service().get(environment.getId()).getPower();
    }
}
