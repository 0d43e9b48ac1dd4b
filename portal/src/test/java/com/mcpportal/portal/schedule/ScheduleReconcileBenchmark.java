package com.mcpportal.portal.schedule;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.quartz.Scheduler;

import com.mcpportal.portal.PortalApplication;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.Environments;
import com.mcpportal.portal.schedule.power.EdgeTriggers;
import com.mcpportal.portal.schedule.power.PowerSwitch;
import com.mcpportal.portal.schedule.power.ReadyEnvironments;
import com.mcpportal.portal.schedule.power.ScheduleReconciler;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.awaitility.Awaitility.await;

/**
 * Benchmark harness (not a test; nothing runs it during {@code verify}): the whole portal on a throw-away embedded
 * PostgreSQL 17 (with pg_stat_statements), N ready environments with random schedules, and the portal's own
 * {@link ScheduleReconciler#reconcileAll()} with everything under it (ReadyEnvironments, PowerSwitch, EdgeTriggers,
 * EnvironmentOperations, Quartz's clustered JDBC store). Quartz stays in standby once the template environment is
 * provisioned, so enqueued operations are stored but never run, and the portal's clock stands still at the
 * instants measured. Run it as {@code portal/BENCHMARKS.md} ("Schedules with the database") says; arguments: the
 * number of environments (default 10000), then {@code steady} to stop before the shared boundary.
 */
public final class ScheduleReconcileBenchmark {

    /** A Monday morning between any two edges of the random schedules (they sit on whole quarter hours or minutes). */
    static final Instant STEADY = Instant.parse("2027-02-01T06:07:30Z");
    /** Monday 08:00 in Berlin, a week later: every boundary schedule opens then. */
    static final Instant BOUNDARY = Instant.parse("2027-02-08T07:00:00Z");
    private static final int WARM = 3;
    private static final int ROUNDS = 9;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final ConfigurableApplicationContext portal;
    private final int count;
    private final JdbcTemplate jdbc;
    private final ScheduleReconciler reconciler;
    private final MovableClock clock;
    private final Scheduler scheduler;
    private final PassLoad load;

    private ScheduleReconcileBenchmark(ConfigurableApplicationContext portal, int count) {
        this.portal = portal;
        this.count = count;
        this.jdbc = portal.getBean(JdbcTemplate.class);
        this.reconciler = portal.getBean(ScheduleReconciler.class);
        this.clock = portal.getBean(MovableClock.class);
        this.scheduler = portal.getBean(Scheduler.class);
        this.load = new PassLoad(jdbc);
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        boolean steadyOnly = args.length > 1 && args[1].equals("steady");
        Path data = Files.createTempDirectory("schedule-benchmark-");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(true)
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setPGStartupWait(Duration.ofSeconds(120)).start();
             HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            pool.setUsername("postgres");
            pool.setMaximumPoolSize(12);
            new JdbcTemplate(pool).execute("CREATE EXTENSION pg_stat_statements");
            try (ConfigurableApplicationContext portal = portal(postgres, pool)) {
                new ScheduleReconcileBenchmark(portal, count).run(steadyOnly);
            }
        }
    }

    private static ConfigurableApplicationContext portal(EmbeddedPostgres postgres, HikariDataSource pool) {
        Map<String, String> properties = new LinkedHashMap<>();
        // Set only so the portal starts no embedded database of its own; the pool above is its data source.
        properties.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
        properties.put("server.port", "0");
        properties.put("portal.schedules.enforce", "true");
        properties.put("portal.schedules.reconcile-interval", "1h");
        properties.put("spring.quartz.auto-startup", "false");
        properties.put("spring.quartz.scheduler-name", "mcp-portal-schedule-benchmark");
        // In standby the cluster manager still checks in; once an hour keeps it out of the measured passes.
        properties.put("spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval", "3600000");
        // Queued operations are due "now" but never fire here; a day's threshold keeps the misfire handler off them.
        properties.put("spring.quartz.properties.org.quartz.jobStore.misfireThreshold", "86400000");
        return new SpringApplicationBuilder(PortalApplication.class, MovableClock.Config.class)
                .initializers(created -> created.getBeanFactory().registerSingleton("dataSource", pool))
                .run(properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue())
                        .toArray(String[]::new));
    }

    private void run(boolean steadyOnly) throws Exception {
        clock.freezeAt(STEADY);
        System.out.printf("%nSchedule reconcile benchmark, %,d environments; load average %s%n", count, loadAverage());
        long template = provisionTemplate();
        ReconcileBenchmarkSeeds seeds = new ReconcileBenchmarkSeeds(jdbc);
        long seeding = System.nanoTime();
        List<Long> ids = seeds.environments(template, count);
        RandomSchedules random = new RandomSchedules(42);
        int on = seeds.schedules(ids, random::schedule, STEADY.minus(Duration.ofDays(30)), STEADY);
        jdbc.execute("VACUUM ANALYZE");
        System.out.printf("Seeded %,d ready environments (%,d on, as their schedules want at %s) in %.1f s%n",
                ids.size(), on, STEADY, (System.nanoTime() - seeding) / 1e9);

        measured("first pass (arms the edge triggers)", 1);
        for (int i = 0; i < WARM; i++) {
            reconciler.reconcileAll();
        }
        measured("pass with nothing to do", ROUNDS);
        timeReadyEnvironments();
        quartzRows();
        if (steadyOnly) {
            return;
        }

        System.out.printf("%nShared boundary: every schedule opens at %s (Mon 08:00 Europe/Berlin)%n", BOUNDARY);
        seeds.schedules(ids, () -> ReconcileBenchmarkSeeds.openingAt(random, BOUNDARY), BOUNDARY.minus(Duration.ofDays(7)),
                BOUNDARY.minusSeconds(1));
        // Their triggers point at the old schedules' edges; the pass before the boundary arms the new ones.
        jdbc.update("DELETE FROM qrtz_simple_triggers WHERE trigger_group = ?", EdgeTriggers.GROUP);
        jdbc.update("DELETE FROM qrtz_triggers WHERE trigger_group = ?", EdgeTriggers.GROUP);
        jdbc.execute("VACUUM ANALYZE");
        clock.freezeAt(BOUNDARY.minusSeconds(60));
        measured("a minute before: arms " + count + " triggers at the boundary", 1);
        clock.freezeAt(BOUNDARY);
        boundary();
        System.out.printf("%nLoad average at the end: %s%n", loadAverage());
    }

    /** One environment provisioned by the portal itself in the simulated cloud, whose row the others copy. */
    private long provisionTemplate() throws Exception {
        scheduler.start();
        Environments environments = new Environments(portal);
        long team = new ScheduleRows(jdbc).team("Benchmark template");
        Environment template = environments.ready(team, "template");
        // After provisioning the schedule stops it (the team default is closed at STEADY); let that finish.
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> environments.operations().inFlight(template.getId()).isEmpty());
        scheduler.standby();
        await().during(Duration.ofMillis(500)).atMost(Duration.ofMinutes(1))
                .until(() -> environments.operations().inFlight(template.getId()).isEmpty());
        scheduler.unscheduleJob(EdgeTriggers.key(template.getId()));
        jdbc.update("UPDATE environment SET state = 'DELETED', deleted_at = now() WHERE id = ?", template.getId());
        return template.getId();
    }

    /** Runs the pass {@code rounds} times, printing the median time and the database work of one pass. */
    private void measured(String name, int rounds) {
        List<Double> millis = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        ScheduleReconciler.PassReport report = null;
        load.reset();
        for (int i = 0; i < rounds; i++) {
            long started = System.nanoTime();
            long cpuStarted = THREADS.getCurrentThreadCpuTime();
            report = reconciler.reconcileAll();
            cpu.add((THREADS.getCurrentThreadCpuTime() - cpuStarted) / 1e6);
            millis.add((System.nanoTime() - started) / 1e6);
        }
        System.out.printf("%s: median %.1f ms (min %.1f, max %.1f of %d; CPU of the pass's thread: median %.1f ms)"
                + " — %s%n    per pass: %s%n", name, median(millis), millis.stream().min(Double::compare).orElseThrow(),
                millis.stream().max(Double::compare).orElseThrow(), rounds, median(cpu), report, load.read(rounds));
    }

    /** The one query of a pass and its parsing, without the decisions. */
    private void timeReadyEnvironments() {
        try {
            timeQuery();
        } catch (NoSuchMethodError olderPortal) {
            // Run against the portal's classes from before the two-phase load (portal/BENCHMARKS.md, "before").
            System.out.println("  (ReadyEnvironments.allWithoutOperations() not in these classes: not timed alone)");
        }
    }

    private void timeQuery() {
        ReadyEnvironments ready = portal.getBean(ReadyEnvironments.class);
        List<Double> millis = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            long started = System.nanoTime();
            long cpuStarted = THREADS.getCurrentThreadCpuTime();
            ready.allWithoutOperations();
            cpu.add((THREADS.getCurrentThreadCpuTime() - cpuStarted) / 1e6);
            millis.add((System.nanoTime() - started) / 1e6);
        }
        System.out.printf("  of which ReadyEnvironments.allWithoutOperations() (query + rows to schedules): median %.1f ms"
                + " (CPU %.1f ms)%n", median(millis), median(cpu));
        List<String> plan = jdbc.queryForList("EXPLAIN (ANALYZE, BUFFERS) " + ReadyEnvironments.SELECT
                + " ORDER BY e.id", String.class);
        plan.forEach(line -> System.out.println("    " + line));
    }

    private void boundary() throws InterruptedException {
        load.reset();
        long started = System.nanoTime();
        long cpuStarted = THREADS.getCurrentThreadCpuTime();
        ScheduleReconciler.PassReport report = reconciler.reconcileAll();
        double passCpu = (THREADS.getCurrentThreadCpuTime() - cpuStarted) / 1e6;
        double passMillis = (System.nanoTime() - started) / 1e6;
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> operationTriggers() >= report.enqueued());
        long jobs = operationTriggers();
        double allMillis = (System.nanoTime() - started) / 1e6;
        String work = load.read(1);
        System.out.printf("Boundary pass: %s%n    pass returned (every operation row committed) after %.0f ms (CPU of"
                + " its thread %.0f ms); every Quartz job stored after %.0f ms%n    database work: %s%n", report,
                passMillis, passCpu, allMillis, work);
        long startsQueued = jdbc.queryForObject("SELECT count(*) FROM operation WHERE kind = 'START' AND state = 'QUEUED'",
                Long.class);
        long twice = jdbc.queryForObject("SELECT count(*) FROM (SELECT environment_id FROM operation WHERE kind = 'START'"
                + " GROUP BY environment_id HAVING count(*) > 1) t", Long.class);
        long audited = jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE action = 'environment.start.requested'"
                + " AND actor = 'scheduler'", Long.class);
        long jobDetails = jdbc.queryForObject("SELECT count(*) FROM qrtz_job_details WHERE job_group = 'environment-operations'",
                Long.class);
        System.out.printf("    exactly once: %,d START operations queued for %,d environments, %,d environments with"
                + " more than one, %,d audit events, %,d Quartz jobs and %,d triggers%n", startsQueued, count, twice,
                audited, jobDetails, jobs);
        clock.freezeAt(BOUNDARY.plusSeconds(1));
        measured("the next pass (every environment busy)", 1);
        quartzRows();
    }

    private long operationTriggers() {
        return jdbc.queryForObject("SELECT count(*) FROM qrtz_triggers WHERE trigger_group = 'environment-operations'",
                Long.class);
    }

    private void quartzRows() {
        System.out.println("  Quartz rows: " + jdbc.queryForList("""
                SELECT t.name || '=' || t.n FROM (
                  SELECT 'qrtz_triggers[' || trigger_group || ']' AS name, count(*) AS n FROM qrtz_triggers GROUP BY 1
                  UNION ALL SELECT 'qrtz_simple_triggers', count(*) FROM qrtz_simple_triggers
                  UNION ALL SELECT 'qrtz_job_details[' || job_group || ']', count(*) FROM qrtz_job_details GROUP BY 1
                  UNION ALL SELECT 'qrtz tables on disk (MB)', sum(pg_total_relation_size(c.oid)) / 1048576
                            FROM pg_class c WHERE c.relname LIKE 'qrtz_%' AND c.relkind = 'r') t ORDER BY 1""",
                String.class));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String loadAverage() throws java.io.IOException {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }
}
