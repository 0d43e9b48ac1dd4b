package com.mcpportal.portal.audit;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.mcpportal.portal.audit.chain.AuditChainReport;
import com.mcpportal.portal.audit.chain.AuditChainVerifier;
import com.mcpportal.portal.audit.export.AuditExportFormat;
import com.mcpportal.portal.audit.export.AuditExporter;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark harness (not a test): seeds 1,000,000 chained audit events into an embedded PostgreSQL 17 and
 * measures what issue 8 asks for: filtered first and deep pages, an export of every row (time and heap), and a
 * chain verification. Run it as {@code portal/BENCHMARKS.md} ("Audit log") describes; arguments: event count
 * (default 1000000).
 */
public final class AuditLogBenchmark {

    private static final int ROUNDS = 15;
    private static final Instant END = Instant.parse("2026-11-01T00:00:00Z");

    private AuditLogBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        try (AuditBenchmarkDatabase database = AuditBenchmarkDatabase.seeded(count, END)) {
            run(database.dataSource());
        }
    }

    private static void run(DataSource dataSource) throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        AuditSearch search = new AuditSearch(jdbc);
        AuditScope admin = AuditScope.everything(Map.of());
        AuditScope owner = AuditScope.ofTeams(Map.of(3L, "three", 57L, "fifty-seven", 150L, "one-fifty"));

        Map<String, AuditFilter> filters = new LinkedHashMap<>();
        filters.put("no filter (admin)", AuditFilter.NONE);
        filters.put("team 7", filter(7L, null, null, null, null, null, null));
        filters.put("actor user-42", filter(null, "user-42", null, null, null, null, null));
        filters.put("action environment.*", filter(null, null, "environment.*", null, null, null, null));
        filters.put("action apikey.revoked", filter(null, null, "apikey.revoked", null, null, null, null));
        filters.put("outcome DENIED", filter(null, null, null, AuditOutcome.DENIED, null, null, null));
        filters.put("target environment env-421", new AuditFilter(null, false, null, null, "environment", "env-421",
                null, null, null, null));
        filters.put("one week in March", filter(null, null, null, null, Instant.parse("2026-03-02T00:00:00Z"),
                Instant.parse("2026-03-09T00:00:00Z"), null));
        filters.put("team 7 + environment.* + FAILURE", filter(7L, null, "environment.*", AuditOutcome.FAILURE,
                null, null, null));
        filters.put("text \"env-1234\" (rare)", filter(null, null, null, null, null, null, "env-1234"));
        filters.put("text \"env-12\" (uncommon)", filter(null, null, null, null, null, null, "env-12"));
        filters.put("text \"user-4\" (frequent)", filter(null, null, null, null, null, null, "user-4"));
        filters.put("text \"opened\" (common)", filter(null, null, null, null, null, null, "opened"));

        System.out.println();
        System.out.println("| filter | matching events | first page | deep page (middle of the matches) |");
        System.out.println("| --- | ---: | ---: | ---: |");
        for (Map.Entry<String, AuditFilter> entry : filters.entrySet()) {
            measurePages(entry.getKey(), admin, entry.getValue(), search, jdbc);
        }
        measurePages("owner of 3 teams, no filter", owner, AuditFilter.NONE, search, jdbc);

        System.out.println();
        explain(jdbc, "team 7 deep", AuditCriteria.of(admin, filters.get("team 7")));
        explain(jdbc, "environment.*", AuditCriteria.of(admin, filters.get("action environment.*")));
        explain(jdbc, "text rare", AuditCriteria.of(admin, filters.get("text \"env-1234\" (rare)")));
        explain(jdbc, "owner", AuditCriteria.of(owner, AuditFilter.NONE));

        AuditLog auditLog = new AuditLog(jdbc, Clock.systemUTC());
        AuditSettings settings = new AuditSettings(Path.of("target/audit-archive"), "0 0 3 * * ?", "0 0 4 * * ?",
                100_000, 1000, new AuditSettings.Webhook("", "", 100, Duration.ofSeconds(10), Duration.ofSeconds(10)));
        AuditExporter exporter = new AuditExporter(auditLog, jdbc, transactions, settings, Clock.systemUTC());
        for (AuditExportFormat format : AuditExportFormat.values()) {
            measureExport(exporter, admin, format);
        }

        TransactionTemplate writes = new TransactionTemplate(transactions);
        int appends = 2000;
        long appending = System.nanoTime();
        for (int i = 0; i < appends; i++) {
            int n = i;
            writes.executeWithoutResult(status -> auditLog.record(AuditEntry.success("benchmark.appended").team(7L)
                    .target("environment", "env-71").detail("n", n)));
        }
        System.out.printf("%nAppend through AuditLog.record, one transaction each: %.2f ms per event (%d events)%n",
                (System.nanoTime() - appending) / 1e6 / appends, appends);

        AuditChainVerifier verifier = new AuditChainVerifier(jdbc);
        System.gc();
        long heapBefore = usedHeap();
        HeapWatch watch = HeapWatch.begin();
        long started = System.nanoTime();
        AuditChainReport report = readOnly.execute(status -> verifier.verify());
        long took = System.nanoTime() - started;
        System.out.printf("%nChain verification: %s in %.1f s (peak heap %d MB, %d MB before)%n", report.summary(),
                took / 1e9, watch.peak() / (1 << 20), heapBefore / (1 << 20));
    }

    private static AuditFilter filter(Long team, String actor, String action, AuditOutcome outcome, Instant since,
                                      Instant until, String text) {
        return new AuditFilter(team, false, actor, action, null, null, outcome, since, until, text);
    }

    private static void measurePages(String name, AuditScope scope, AuditFilter filter, AuditSearch search,
                                     JdbcTemplate jdbc) {
        AuditCriteria criteria = AuditCriteria.of(scope, filter);
        long matches = jdbc.queryForObject("SELECT count(*) FROM audit_event WHERE " + criteria.where(), Long.class,
                criteria.values());
        // Setting up the deep cursor may use OFFSET; the measured page does not.
        List<Long> middle = jdbc.queryForList("SELECT id FROM audit_event WHERE " + criteria.where()
                + " ORDER BY occurred_at DESC, id DESC OFFSET " + Math.max(matches / 2, 0) + " LIMIT 1", Long.class,
                criteria.values());
        double first = median(() -> search.page(scope, filter, null, AuditSearch.DEFAULT_PAGE_SIZE));
        double deep = middle.isEmpty() ? Double.NaN : median(() -> search.page(scope, filter,
                AuditCursor.olderThan(middle.get(0)), AuditSearch.DEFAULT_PAGE_SIZE));
        System.out.printf("| %s | %,d | %.1f ms | %.1f ms |%n", name, matches, first, deep);
    }

    private static double median(Supplier<AuditPage> page) {
        for (int i = 0; i < 3; i++) {
            page.get();
        }
        double[] times = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long started = System.nanoTime();
            page.get();
            times[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(times);
        return times[ROUNDS / 2];
    }

    private static void explain(JdbcTemplate jdbc, String name, AuditCriteria criteria) {
        List<String> plan = jdbc.queryForList("EXPLAIN (ANALYZE, BUFFERS) SELECT " + AuditRows.COLUMNS
                + " FROM audit_event WHERE " + criteria.where() + " ORDER BY occurred_at DESC, id DESC LIMIT 51",
                String.class, criteria.values());
        System.out.println("EXPLAIN ANALYZE, " + name + ":");
        plan.forEach(line -> System.out.println("    " + line));
    }

    private static void measureExport(AuditExporter exporter, AuditScope scope, AuditExportFormat format)
            throws InterruptedException {
        System.gc();
        long heapBefore = usedHeap();
        CountingStream out = new CountingStream();
        HeapWatch watch = HeapWatch.begin();
        long started = System.nanoTime();
        long rows = exporter.export(scope, AuditFilter.NONE, Long.MAX_VALUE, format, out);
        long took = System.nanoTime() - started;
        System.out.printf("Export %s: %,d rows, %,d MB in %.1f s (peak heap %d MB, %d MB before; max heap %d MB)%n",
                format.extension(), rows, out.bytes.get() / (1 << 20), took / 1e9, watch.peak() / (1 << 20),
                heapBefore / (1 << 20), Runtime.getRuntime().maxMemory() / (1 << 20));
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Samples used heap every 5 ms; garbage not yet collected counts, so this is an upper bound. */
    private static final class HeapWatch extends Thread {

        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private volatile boolean running = true;
        private long peak;

        static HeapWatch begin() {
            HeapWatch watch = new HeapWatch();
            watch.setDaemon(true);
            watch.start();
            return watch;
        }

        @Override
        public void run() {
            while (running) {
                peak = Math.max(peak, memory.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(5);
                }
                catch (InterruptedException ex) {
                    return;
                }
            }
        }

        long peak() throws InterruptedException {
            running = false;
            join();
            return peak;
        }
    }

    private static final class CountingStream extends OutputStream {

        final AtomicLong bytes = new AtomicLong();

        @Override
        public void write(int b) {
            bytes.incrementAndGet();
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes.addAndGet(len);
        }
    }
}
