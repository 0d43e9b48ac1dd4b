package com.mcpportal.portal.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * For the audit benchmark harnesses: a throw-away embedded PostgreSQL 17 with every migration applied and an
 * audit log seeded by {@link AuditSeeder}, behind a HikariCP pool as in the portal.
 */
final class AuditBenchmarkDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final HikariDataSource dataSource;

    private AuditBenchmarkDatabase(EmbeddedPostgres postgres, HikariDataSource dataSource) {
        this.postgres = postgres;
        this.dataSource = dataSource;
    }

    /** A log of {@code count} chained events spread over the year before {@code end}, analysed. */
    static AuditBenchmarkDatabase seeded(int count, Instant end) throws IOException, SQLException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(Files.createTempDirectory("audit-benchmark-")).setCleanDataDirectory(true)
                .setServerConfig("listen_addresses", "localhost").setPGStartupWait(Duration.ofSeconds(120)).start();
        // A pool, as in the portal: a new connection per query would measure PostgreSQL's fork, not the query.
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setMaximumPoolSize(4);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        long seeding = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            AuditSeeder.seed(connection, count, end.minus(Duration.ofDays(365)), end, 42);
        }
        new JdbcTemplate(dataSource).execute("VACUUM ANALYZE audit_event");
        System.out.printf("Seeded %,d events (COPY, chain computed in Java) in %.1f s%n", count,
                (System.nanoTime() - seeding) / 1e9);
        return new AuditBenchmarkDatabase(postgres, dataSource);
    }

    DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() throws IOException {
        dataSource.close();
        postgres.close();
    }
}
