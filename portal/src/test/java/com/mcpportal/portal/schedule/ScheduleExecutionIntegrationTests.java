package com.mcpportal.portal.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentPower;
import com.mcpportal.portal.environment.EnvironmentState;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.environment.operation.Actor;
import com.mcpportal.portal.schedule.power.ScheduleReconciler;
import com.mcpportal.portal.schedule.store.ScheduleStore;
import com.mcpportal.portal.support.PortalIntegrationTest;
import com.mcpportal.portal.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;


/**
 * Schedules acting on environments in the simulated cloud, with real Quartz triggers at edges a few seconds ahead:
 * the edge starts and stops, a missed edge fires once when the scheduler comes back, the reconcile pass puts
 * everything right after downtime, overrides act at once, and a deprovisioned environment loses its trigger.
 */
@PortalIntegrationTest
@Import(MovableClock.Config.class)
@TestPropertySource(properties = {"portal.schedules.enforce=true", "portal.schedules.busy-retry=1s",
        "spring.quartz.properties.org.quartz.jobStore.misfireThreshold=1000",
        "portal.schedules.reconcile-interval=1h"})
class ScheduleExecutionIntegrationTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    ApplicationContext context;

    @Autowired
    TestData data;

    @Autowired
    ScheduleService schedules;

    @Autowired
    ScheduleReconciler reconciler;

    @Autowired
    Scheduler scheduler;

    @Autowired
    MovableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ScheduleStore store;

    @Autowired
    PlatformTransactionManager transactions;

    Environments environments;
    long teamId;

    @BeforeEach
    void team() {
        environments = new Environments(context);
        teamId = data.team("Schedule Execution", data.user("sched-owner")).getId();
    }

    @AfterEach
    void restore() throws Exception {
        clock.reset();
        scheduler.start();
    }

    @Test
    void edgeTriggersStartAndStopTheEnvironmentAndTheAuditSaysSchedulerAndWhy() {
        // Provisioned outside its window, the portal stops it at once; then a window a few seconds ahead.
        Environment environment = provisionedAndStopped();
        Instant open = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(4);
        Instant close = open.plusSeconds(4);
        Schedule schedule = windows(open, close);
        String window = schedule.windows().get(0).label() + " Europe/Berlin";
        schedules.replace(teamId, environment.getId(), schedule);

        await("the window closed", () -> requests(environment).size() == 3
                && power(environment) == EnvironmentPower.OFF, Duration.ofSeconds(30));

        List<String> requests = requests(environment);
        assertThat(requests.get(0)).startsWith("scheduler stop environment provisioned: ");
        assertThat(requests.subList(1, 3)).containsExactly("scheduler start window " + window + " opened",
                "scheduler stop window " + window + " closed");
        assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE target_type = 'environment' AND target_id = ?"
                + " AND actor = 'scheduler' AND action IN ('environment.started', 'environment.stopped') ORDER BY id",
                String.class, String.valueOf(environment.getId())))
                .containsExactly("environment.stopped", "environment.started", "environment.stopped");
        // The edge re-arms right after asking for the stop, which may finish first on a busy machine: wait for it.
        await("re-armed for next week's opening", () -> schedules.armedEdge(environment.getId())
                .filter(open.plus(Duration.ofDays(7))::equals).isPresent(), Duration.ofSeconds(10));
    }

    @Test
    void anEdgeMissedWhileTheSchedulerWasDownFiresOnceWhenItComesBackAndArmsTheNextOne() throws Exception {
        Environment environment = provisionedAndStopped();
        Instant open = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(3);
        Instant close = open.plus(Duration.ofHours(2));
        schedules.replace(teamId, environment.getId(), windows(open, close));
        assertThat(schedules.armedEdge(environment.getId())).contains(open);

        scheduler.standby();
        awaitTime(open.plusSeconds(3)); // past the edge and the misfire threshold (1 s here)
        scheduler.start();

        await("started after the scheduler came back", () -> power(environment) == EnvironmentPower.ON,
                Duration.ofSeconds(20));
        await("armed for the close", () -> schedules.armedEdge(environment.getId()).filter(close::equals).isPresent(),
                Duration.ofSeconds(10));
        assertThat(requests(environment)).filteredOn(r -> r.startsWith("scheduler start")).hasSize(1);
    }

    @Test
    void afterDowntimeOneReconcilePassPutsTheEnvironmentInItsDesiredState() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Schedule schedule = windows(now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)));
        Environment environment = provisioned(schedule);
        await("on, as its window says", () -> power(environment) == EnvironmentPower.ON
                && environments.operations().inFlight(environment.getId()).isEmpty()
                && followedUp(environment), Duration.ofSeconds(20));

        // The portal goes down; when it comes back three hours later, the window has long closed.
        scheduler.standby();
        clock.advance(Duration.ofHours(3));
        scheduler.start();
        ScheduleReconciler.PassReport pass = reconciler.reconcileAll();

        assertThat(pass.enqueued()).isGreaterThanOrEqualTo(1);
        await("stopped by the pass", () -> power(environment) == EnvironmentPower.OFF, Duration.ofSeconds(20));
        assertThat(requests(environment)).last().isEqualTo("scheduler stop reconcile pass: window "
                + schedule.windows().get(0).label() + " Europe/Berlin closed");

        // Everything is in its desired state now: another pass does nothing to it.
        long operations = operationCount(environment);
        reconciler.reconcileAll();
        assertThat(operationCount(environment)).isEqualTo(operations);
    }

    @Test
    void anOverrideActsAtOnceAndClearingItReturnsToTheSchedule() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Schedule schedule = windows(now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1)));
        Environment environment = provisioned(schedule);
        await("on", () -> power(environment) == EnvironmentPower.ON
                && environments.operations().inFlight(environment.getId()).isEmpty()
                && followedUp(environment), Duration.ofSeconds(20));

        Instant until = now.plus(Duration.ofMinutes(30));
        schedules.setOverride(teamId, environment.getId(), new ManualOverride(PowerState.OFF, until));

        await("off", () -> power(environment) == EnvironmentPower.OFF, Duration.ofSeconds(20));
        assertThat(requests(environment)).last().asString()
                .startsWith("scheduler stop override set by system: manual override (keep off until ");
        assertThat(schedules.armedEdge(environment.getId())).as("armed for the override's end").contains(until);

        schedules.clearOverride(teamId, environment.getId());

        await("on again", () -> power(environment) == EnvironmentPower.ON, Duration.ofSeconds(20));
        assertThat(requests(environment)).last().isEqualTo("scheduler start override cleared by system: window "
                + schedule.windows().get(0).label() + " Europe/Berlin opened");
        assertThat(jdbc.queryForList("SELECT action FROM audit_event WHERE target_type = 'schedule' AND target_id = ?"
                + " ORDER BY id", String.class, String.valueOf(environment.getId())))
                .containsExactly("schedule.created", "schedule.updated", "schedule.override.set",
                        "schedule.override.cleared");
    }

    @Test
    void armingWhileAnOverrideIsBeingSavedArmsTheOverridesEndOnceItCommits() throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Environment environment = provisioned(windows(now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1))));
        await("on and settled", () -> power(environment) == EnvironmentPower.ON
                && environments.operations().inFlight(environment.getId()).isEmpty()
                && followedUp(environment), Duration.ofSeconds(20));
        Instant until = now.plus(Duration.ofMinutes(30));

        // A follow-up (here: the provisioning's) arms the trigger while a user's override is saved but not yet
        // committed. It must arm from the schedule as committed, not from the one it read before the override.
        ExecutorService follower = Executors.newSingleThreadExecutor();
        try {
            Future<?> arming = new TransactionTemplate(transactions).execute(status -> {
                store.setOverride(teamId, environment.getId(), new ManualOverride(PowerState.OFF, until));
                Future<?> started = follower.submit(() -> reconciler.reconcileOne(environment.getId(), "follow-up"));
                awaitQuietly(() -> waitingOnALock() > 0, Duration.ofSeconds(3));
                return started;
            });
            arming.get(20, TimeUnit.SECONDS);
        } finally {
            follower.shutdownNow();
        }

        assertThat(schedules.armedEdge(environment.getId())).as("armed for the override's end").contains(until);
    }

    @Test
    void aPersonsStopHeldAgainstTheScheduleStaysHeldThroughANatPatch() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Environment environment = provisioned(windows(now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1))));
        await("on and settled", () -> power(environment) == EnvironmentPower.ON
                && environments.operations().inFlight(environment.getId()).isEmpty()
                && followedUp(environment), Duration.ofSeconds(20));
        // "Stop now" inside the window: it holds until the window closes.
        Environments.enqueued(environments.operations().requestStop(environment.getId(), Actor.user("alice")));
        environments.awaitState(environment.getId(), EnvironmentState.READY);
        reconciler.reconcileAll();
        assertThat(power(environment)).isEqualTo(EnvironmentPower.OFF);

        // The off-hours NAT check patches it (a system operation, the latest one now).
        long patch = Environments.enqueued(environments.operations().requestNatPatch(environment.getId(),
                Actor.system("Amazon Linux AMI published")));
        environments.awaitOperation(patch, "SUCCEEDED");
        long operations = operationCount(environment);
        reconciler.reconcileAll();

        assertThat(operationCount(environment)).as("no start: alice's stop still holds").isEqualTo(operations);
        assertThat(power(environment)).isEqualTo(EnvironmentPower.OFF);
    }

    @Test
    void aDeprovisionedEnvironmentLosesItsTrigger() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Environment environment = provisioned(windows(now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1))));
        await("armed", () -> schedules.armedEdge(environment.getId()).isPresent(), Duration.ofSeconds(20));
        await("settled", () -> environments.operations().inFlight(environment.getId()).isEmpty(), Duration.ofSeconds(20));

        Environments.enqueued(environments.operations().requestDeprovision(environment.getId(), Actor.user("alice")));
        environments.awaitState(environment.getId(), EnvironmentState.DELETED);

        await("trigger removed", () -> schedules.armedEdge(environment.getId()).isEmpty(), Duration.ofSeconds(10));
        assertThat(reconciler.reconcileAll().disarmed()).isZero();
    }

    /** A draft with the schedule, provisioned: from then on the scheduler acts on it. */
    private Environment provisioned(Schedule schedule) {
        Environment draft = environments.draft(teamId, "sched");
        schedules.replace(teamId, draft.getId(), schedule);
        Environments.enqueued(environments.operations().requestProvision(draft.getId(), Actor.user("alice")));
        await("ready", () -> environments.service().get(draft.getId()).getState() == EnvironmentState.READY,
                Duration.ofSeconds(30));
        return draft;
    }

    /** One window from {@code open} to {@code close} (less than a day apart) in Berlin's wall-clock time. */
    static Schedule windows(Instant open, Instant close) {
        ZonedDateTime start = open.atZone(BERLIN);
        ZonedDateTime end = close.atZone(BERLIN);
        return Schedule.weekly(BERLIN, List.of(new ScheduleWindow(start.getDayOfWeek(), start.toLocalTime(),
                end.toLocalTime())));
    }

    /**
     * Provisioned with a window two hours ahead, and stopped by the portal right after provisioning: the schedule's
     * edges of a test then come from a schedule set on a ready environment, so provisioning time (long on a busy
     * machine) cannot eat into them.
     */
    private Environment provisionedAndStopped() {
        Instant later = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofHours(2));
        Environment environment = provisioned(windows(later, later.plus(Duration.ofHours(1))));
        await("stopped after provisioning", () -> power(environment) == EnvironmentPower.OFF
                && environments.operations().inFlight(environment.getId()).isEmpty(), Duration.ofSeconds(30));
        return environment;
    }

    /**
     * Whether the provisioning's follow-up has decided: it reads the schedule and the clock, arms the trigger, then
     * acts. The periodic pass runs hourly here, so a trigger is the follow-up's.
     */
    private boolean followedUp(Environment environment) {
        return schedules.armedEdge(environment.getId()).isPresent();
    }

    /** "actor kind reason" of every operation requested for the environment, oldest first. */
    private List<String> requests(Environment environment) {
        return jdbc.queryForList("SELECT requested_by || ' ' || lower(kind) || ' ' || coalesce(reason, '')"
                + " FROM operation WHERE environment_id = ? AND kind IN ('START', 'STOP') ORDER BY id", String.class,
                environment.getId());
    }

    private long operationCount(Environment environment) {
        return jdbc.queryForObject("SELECT count(*) FROM operation WHERE environment_id = ?", Long.class,
                environment.getId());
    }

    private EnvironmentPower power(Environment environment) {
        return environments.service().get(environment.getId()).getPower();
    }

    private int waitingOnALock() {
        return jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                + " AND datname = current_database()",
                Integer.class);
    }

    /** Waits for the condition, but goes on after the timeout (then the test shows what happened without it). */
    private static void awaitQuietly(BooleanSupplier condition, Duration timeout) {
        try {
            Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(20)).until(condition::getAsBoolean);
        } catch (ConditionTimeoutException notYet) {
            // The test's own assertions say what did not happen.
        }
    }

    /** Waits until the condition holds; fails after the timeout, naming what it waited for. */
    static void await(String what, BooleanSupplier condition, Duration timeout) {
        Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(50)).until(condition::getAsBoolean);
    }

    /** Waits until the wall clock (which Quartz fires by) has passed the instant. */
    static void awaitTime(Instant instant) {
        Awaitility.await("the time " + instant).atMost(Duration.between(Instant.now(), instant).plusSeconds(5))
                .pollInterval(Duration.ofMillis(20)).until(() -> !Instant.now().isBefore(instant));
    }
}
