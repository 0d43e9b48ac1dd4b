package com.mcpportal.portal.schedule;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.Trigger.CompletedExecutionInstruction;
import org.quartz.TriggerListener;
import org.quartz.impl.matchers.GroupMatcher;

import com.mcpportal.portal.PortalApplication;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentState;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.environment.operation.Actor;
import com.mcpportal.portal.schedule.power.EdgeTriggers;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.mcpportal.portal.schedule.ScheduleExecutionIntegrationTests.await;
import static com.mcpportal.portal.schedule.ScheduleExecutionIntegrationTests.awaitTime;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two portal instances (two application contexts) on one PostgreSQL, clustered through Quartz's JDBC store, run
 * the schedules of four environments through five windows each (40 edges, all four environments at the same
 * instants), with a reconcile pass every two seconds racing the edge triggers. Halfway, the first instance shuts
 * down. Every edge must lead to exactly one operation, no edge trigger may fire twice, and the second instance
 * must carry on alone.
 */
class ClusteredScheduleIntegrationTests {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final int ENVIRONMENTS = 4;
    private static final int WINDOWS = 5;
    private static final int PERIOD = 6;
    private static final int OPEN = 3;

    private EmbeddedPostgres postgres;
    private HikariDataSource pool;
    private ConfigurableApplicationContext first;
    private ConfigurableApplicationContext second;
    private final List<Fire> fires = Collections.synchronizedList(new ArrayList<>());

    /** One edge trigger firing: on which instance, which trigger, for which scheduled time. */
    record Fire(String instance, String trigger, Instant scheduled, Instant fired) {
    }

    @BeforeEach
    void startTwoInstances() throws IOException {
        postgres = EmbeddedPostgres.builder().setPort(0).start();
        pool = new HikariDataSource();
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(24);
        first = instance("first");
        second = instance("second");
    }

    @AfterEach
    void stop() throws IOException {
        if (second != null) {
            second.close();
        }
        if (first != null && first.isActive()) {
            first.close();
        }
        pool.close();
        postgres.close();
    }

    @Test
    void everyEdgeActsExactlyOnceAcrossTheClusterAndTheSurvivorTakesOver() {
        Environments environments = new Environments(first);
        ScheduleService schedules = first.getBean(ScheduleService.class);
        long teamId = first.getBean(JdbcTemplate.class).queryForObject(
                "INSERT INTO team (name, created_at) VALUES ('Cluster', now()) RETURNING id", Long.class);
        Instant firstEdge = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(25);
        Schedule schedule = windows(firstEdge);

        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < ENVIRONMENTS; i++) {
            Environment draft = environments.draft(teamId, "cluster");
            schedules.replace(teamId, draft.getId(), schedule);
            Environments.enqueued(environments.operations().requestProvision(draft.getId(), Actor.user("alice")));
            ids.add(draft.getId());
        }
        for (long id : ids) {
            environments.awaitState(id, EnvironmentState.READY);
        }

        // Between the third window's close (edge 6) and the fourth's opening, the first instance goes away.
        Instant quietMoment = firstEdge.plusSeconds(2L * PERIOD + OPEN).plusMillis(1500);
        awaitTime(quietMoment);
        int firedByFirst = (int) fires.stream().filter(f -> f.instance().equals("first")).count();
        first.close();

        Instant lastEdge = firstEdge.plusSeconds((WINDOWS - 1L) * PERIOD + OPEN);
        JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
        try {
            await("every edge acted on", () -> ids.stream().allMatch(id -> powerChanges(jdbc, id).size() == 1 + 2 * WINDOWS
                    && jdbc.queryForObject("SELECT count(*) FROM operation WHERE environment_id = ? AND state IN"
                            + " ('QUEUED', 'RUNNING')", Integer.class, id) == 0), Duration.between(Instant.now(), lastEdge)
                    .plusSeconds(30));
        } catch (AssertionError timedOut) {
            throw new AssertionError(timedOut.getMessage() + "; edges from " + firstEdge + ", first instance closed at "
                    + quietMoment + "; operations: " + ids.stream().map(id -> id + "=" + jdbc.queryForList(
                            "SELECT kind, state, requested_by, reason, created_at FROM operation WHERE environment_id = ?"
                                    + " ORDER BY id", id)).toList() + "; fires: " + fires + diagnostics(jdbc), timedOut);
        }

        List<Instant> edges = edges(firstEdge);
        for (long id : ids) {
            List<Map<String, Object>> changes = powerChanges(jdbc, id);
            assertThat(changes).extracting(c -> c.get("kind"))
                    .as("environment %d: stopped after provisioning, then on and off once per window", id)
                    .containsExactlyElementsOf(expectedKinds());
            assertThat(changes).extracting(c -> c.get("requested_by")).containsOnly("scheduler");
            for (int e = 0; e < edges.size(); e++) {
                Instant created = ((java.sql.Timestamp) changes.get(e + 1).get("created_at")).toInstant();
                assertThat(created).as("environment %d, edge %d", id, e)
                        .isBetween(edges.get(e), edges.get(e).plusSeconds(OPEN - 1));
            }
            assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE target_id = ? AND actor = 'scheduler'"
                    + " AND action = 'environment.start.requested'", Integer.class, String.valueOf(id))).isEqualTo(WINDOWS);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE target_id = ? AND"
                    + " action LIKE 'environment.%.refused'", Integer.class, String.valueOf(id)))
                    .as("no request lost a race and was refused").isZero();
        }

        List<String> reasons = jdbc.queryForList("SELECT reason FROM operation WHERE kind IN ('START', 'STOP')",
                String.class);
        System.out.printf("Cluster test: %d edge fires (%d on the first instance), %d power operations, %d of them"
                + " from the reconcile pass%n", fires.size(), fires.stream().filter(f -> f.instance().equals("first"))
                .count(), reasons.size(), reasons.stream().filter(r -> r.startsWith("reconcile pass")).count());
        assertThat(reasons).as("the edge triggers did most of the work")
                .filteredOn(r -> r.startsWith("window ")).hasSizeGreaterThan(ENVIRONMENTS * WINDOWS);

        Map<String, Long> perFire = fires.stream().collect(Collectors.groupingBy(
                f -> f.trigger() + "@" + f.scheduled(), Collectors.counting()));
        assertThat(perFire.values()).as("no edge trigger fired twice").containsOnly(1L);
        assertThat(firedByFirst).as("the first instance fired edges while it lived").isPositive();
        assertThat(fires).filteredOn(f -> f.fired().isAfter(quietMoment))
                .as("after the first instance went away, the second fired every edge")
                .hasSizeGreaterThanOrEqualTo(ENVIRONMENTS * 4)
                .allMatch(f -> f.instance().equals("second"));
    }

    /** Stop after provisioning, then start and stop for every window. */
    private static List<String> expectedKinds() {
        List<String> kinds = new ArrayList<>(List.of("STOP"));
        for (int w = 0; w < WINDOWS; w++) {
            kinds.add("START");
            kinds.add("STOP");
        }
        return kinds;
    }

    private static List<Instant> edges(Instant firstEdge) {
        List<Instant> edges = new ArrayList<>();
        for (int w = 0; w < WINDOWS; w++) {
            edges.add(firstEdge.plusSeconds((long) w * PERIOD));
            edges.add(firstEdge.plusSeconds((long) w * PERIOD + OPEN));
        }
        return edges;
    }

    /** Five windows of three seconds, six seconds apart, from the first edge on. */
    private static Schedule windows(Instant firstEdge) {
        List<ScheduleWindow> windows = new ArrayList<>();
        for (int w = 0; w < WINDOWS; w++) {
            ZonedDateTime open = firstEdge.plusSeconds((long) w * PERIOD).atZone(ZONE);
            ZonedDateTime close = open.plusSeconds(OPEN);
            windows.add(new ScheduleWindow(open.getDayOfWeek(), open.toLocalTime(), close.toLocalTime()));
        }
        return Schedule.weekly(ZONE, windows);
    }

    /** What the database sessions, the pool and the scheduler threads were doing: for a stalled survivor. */
    private String diagnostics(JdbcTemplate jdbc) {
        StringBuilder text = new StringBuilder("\n; pool: active ").append(pool.getHikariPoolMXBean()
                .getActiveConnections()).append(", waiting threads ").append(pool.getHikariPoolMXBean()
                .getThreadsAwaitingConnection()).append("\n; sessions: ").append(jdbc.queryForList("SELECT pid, state,"
                + " wait_event_type, wait_event, now() - xact_start AS in_transaction, left(query, 120) AS query"
                + " FROM pg_stat_activity WHERE datname IS NOT NULL AND pid <> pg_backend_pid() AND state <> 'idle'"));
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getName().contains("Worker") || thread.getName().contains("Scheduler")
                    || thread.getName().contains("schedule-") || thread.getName().contains("operation-queue")) {
                text.append("\n; thread ").append(thread.getName()).append(' ').append(thread.getState());
                for (int i = 0; i < Math.min(12, stack.length); i++) {
                    text.append("\n    at ").append(stack[i]);
                }
            }
        });
        return text.toString();
    }

    private static List<Map<String, Object>> powerChanges(JdbcTemplate jdbc, long environmentId) {
        return jdbc.queryForList("SELECT kind, requested_by, created_at FROM operation WHERE environment_id = ?"
                + " AND kind IN ('START', 'STOP') ORDER BY id", environmentId);
    }

    private ConfigurableApplicationContext instance(String name) {
        Map<String, Object> properties = new HashMap<>();
        // Set only so the portal starts no embedded database of its own; the pool below is the data source.
        properties.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
        properties.put("server.port", "0");
        properties.put("portal.schedules.enforce", "true");
        properties.put("portal.schedules.reconcile-interval", "2s");
        properties.put("portal.schedules.busy-retry", "1s");
        // A scheduler name of their own: Quartz registers its data source per scheduler name, JVM-wide (the last
        // context started wins), and other test contexts in this JVM use the default name with their own databases.
        // The two instances share one pool object for the same reason: whichever registration wins, both
        // instances' Quartz and JPA work on the same data source, as two processes would on one database.
        properties.put("spring.quartz.scheduler-name", "mcp-portal-cluster-test");
        properties.put("spring.quartz.properties.org.quartz.threadPool.threadCount", "3");
        properties.put("spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval", "1000");
        properties.put("spring.quartz.properties.org.quartz.jobStore.misfireThreshold", "2000");
        properties.put("spring.quartz.properties.org.quartz.scheduler.idleWaitTime", "1000");
        properties.put("spring.quartz.wait-for-jobs-to-complete-on-shutdown", "true");
        // As arguments: they override the test application.properties (which switches enforcement off).
        ConfigurableApplicationContext context = new SpringApplicationBuilder(PortalApplication.class)
                .initializers(created -> created.getBeanFactory().registerSingleton("dataSource", pool))
                .run(properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                        .toArray(String[]::new));
        try {
            context.getBean(Scheduler.class).getListenerManager().addTriggerListener(new Recorder(name),
                    GroupMatcher.triggerGroupEquals(EdgeTriggers.GROUP));
        } catch (org.quartz.SchedulerException e) {
            throw new IllegalStateException(e);
        }
        return context;
    }

    /** Records every edge trigger that fires on one instance. */
    private final class Recorder implements TriggerListener {

        private final String instance;

        Recorder(String instance) {
            this.instance = instance;
        }

        @Override
        public String getName() {
            return "fire-recorder-" + instance;
        }

        @Override
        public void triggerFired(Trigger trigger, JobExecutionContext context) {
            fires.add(new Fire(instance, trigger.getKey().getName(), context.getScheduledFireTime().toInstant(),
                    context.getFireTime().toInstant()));
        }

        @Override
        public boolean vetoJobExecution(Trigger trigger, JobExecutionContext context) {
            return false;
        }

        @Override
        public void triggerMisfired(Trigger trigger) {
        }

        @Override
        public void triggerComplete(Trigger trigger, JobExecutionContext context,
                CompletedExecutionInstruction instruction) {
        }
    }
}
