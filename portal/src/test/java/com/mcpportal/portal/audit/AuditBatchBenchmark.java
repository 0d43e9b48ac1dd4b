package com.mcpportal.portal.audit;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import com.mcpportal.portal.audit.chain.AuditChainVerifier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark harness (not a test): appends one scheduler burst of audit events in one transaction, as
 * {@code record} calls one by one and as one {@code recordAll}, on top of a seeded log, and checks the chain
 * afterwards. Run it as {@code portal/BENCHMARKS.md} ("Audit log: batch append") describes; arguments: events
 * in the log first (default 100000), events per burst (default 500), measured rounds (default 10).
 */
public final class AuditBatchBenchmark {

    private static final int WARM_UP = 3;

    private AuditBatchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seeded = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int burst = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        try (AuditBenchmarkDatabase database = AuditBenchmarkDatabase.seeded(seeded,
                Instant.now().truncatedTo(ChronoUnit.SECONDS))) {
            CountingDataSource counting = new CountingDataSource(database.dataSource());
            AuditLog auditLog = new AuditLog(new JdbcTemplate(counting),
                    Clock.systemUTC());
            TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(counting));
            List<AuditEntry> entries = scheduledStarts(burst);

            Measurement oneByOne = new Measurement(burst + " × record()", rounds, counting);
            Measurement batch = new Measurement("recordAll(" + burst + ")", rounds, counting);
            Consumer<List<AuditEntry>> singles = list -> transaction.executeWithoutResult(
                    status -> list.forEach(auditLog::record));
            Consumer<List<AuditEntry>> all = list -> transaction.executeWithoutResult(
                    status -> auditLog.recordAll(list));
            for (int round = 0; round < WARM_UP + rounds; round++) {
                boolean measured = round >= WARM_UP;
                // Alternate which goes first, so a burst of load from the other builds does not favour one.
                if (round % 2 == 0) {
                    oneByOne.run(singles, entries, measured);
                    batch.run(all, entries, measured);
                }
                else {
                    batch.run(all, entries, measured);
                    oneByOne.run(singles, entries, measured);
                }
            }

            System.out.printf("%n| %d events, one transaction | median wall (min) | per event | CPU of the thread "
                    + "(median) | statements |%n| --- | ---: | ---: | ---: | ---: |%n", burst);
            oneByOne.print(burst);
            batch.print(burst);

            TransactionTemplate readOnly = new TransactionTemplate(new DataSourceTransactionManager(
                    database.dataSource()));
            readOnly.setReadOnly(true);
            readOnly.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
            AuditChainVerifier verifier = new AuditChainVerifier(new JdbcTemplate(database.dataSource()));
            System.out.printf("%nChain verification afterwards: %s%n",
                    readOnly.execute(status -> verifier.verify()).summary());
        }
    }

    /** What the schedule writes when environments start at a window's edge. */
    private static List<AuditEntry> scheduledStarts(int count) {
        return IntStream.range(0, count).mapToObj(n -> AuditEntry.success("environment.started")
                .actor(AuditEntry.SCHEDULER).team(1L + n % 100).target("environment", 10_000 + n)
                .detail("reason", "window Mon 08:00-20:00 Europe/Berlin opened").detail("operation", 50_000 + n))
                .toList();
    }

    /** Wall and thread CPU times of one way of appending, and the statements it took. */
    private static final class Measurement {

        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        private final String name;
        private final double[] wall;
        private final double[] cpu;
        private final CountingDataSource counting;
        private int done;
        private int statements;

        Measurement(String name, int rounds, CountingDataSource counting) {
            this.name = name;
            this.wall = new double[rounds];
            this.cpu = new double[rounds];
            this.counting = counting;
        }

        void run(Consumer<List<AuditEntry>> append, List<AuditEntry> entries, boolean measured) {
            counting.takeCount();
            long startedCpu = THREADS.getCurrentThreadCpuTime();
            long started = System.nanoTime();
            append.accept(entries);
            long took = System.nanoTime() - started;
            long tookCpu = THREADS.getCurrentThreadCpuTime() - startedCpu;
            statements = counting.takeCount();
            if (measured) {
                wall[done] = took / 1e6;
                cpu[done] = tookCpu / 1e6;
                done++;
            }
        }

        void print(int burst) {
            Arrays.sort(wall);
            Arrays.sort(cpu);
            double median = wall[wall.length / 2];
            System.out.printf("| %s | %.1f ms (%.1f) | %.3f ms | %.1f ms | %,d |%n", name, median, wall[0],
                    median / burst, cpu[cpu.length / 2], statements);
        }
    }
}
