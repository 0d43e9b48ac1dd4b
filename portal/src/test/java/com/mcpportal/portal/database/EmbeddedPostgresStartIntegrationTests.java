package com.mcpportal.portal.database;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;

import com.mcpportal.portal.PortalApplication;
import com.mcpportal.portal.support.PortalIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The portal's database comes up migrated to the newest migration, and the embedded PostgreSQL started beside the
 * application context ({@link EmbeddedPostgresStart}) still fails the portal with the database's reason when it
 * cannot start. (The first test reads the test context's database, a copy of the test JVM's migrated template,
 * see {@link DatabasePerContext}; the second starts a real portal application on its own embedded server.)
 */
@PortalIntegrationTest
class EmbeddedPostgresStartIntegrationTests {

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path directory;

    @Test
    void thePortalStartsOnItsEmbeddedDatabaseMigratedToTheNewestMigration() throws IOException {
        String newest = Arrays.stream(new PathMatchingResourcePatternResolver()
                        .getResources("classpath:db/migration/V*__*.sql"))
                .map(Resource::getFilename)
                .map(name -> name.substring(1, name.indexOf("__")))
                .max(Comparator.comparingInt(Integer::parseInt))
                .orElseThrow();

        String applied = jdbc.queryForObject("SELECT version FROM flyway_schema_history WHERE success"
                + " ORDER BY installed_rank DESC LIMIT 1", String.class);
        Integer failed = jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE NOT success",
                Integer.class);

        assertThat(applied).isEqualTo(newest);
        assertThat(failed).isZero();
    }

    @Test
    void aDatabaseThatCannotStartFailsThePortalWithTheDatabasesReason() throws IOException {
        try (ServerSocket otherProgram = new ServerSocket()) {
            // given the embedded PostgreSQL's port taken by another program
            otherProgram.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = otherProgram.getLocalPort();

            // when a portal starts with it
            Throwable failed = catchThrowable(() -> new SpringApplicationBuilder(PortalApplication.class).run(
                    "--server.port=0", "--portal.embedded-postgres.ephemeral=false",
                    "--portal.embedded-postgres.data-directory=" + directory.resolve("postgres"),
                    "--portal.embedded-postgres.port=" + port).close());

            // then the start fails, saying why and what to do
            assertThat(failed).as("the portal did not start").isNotNull();
            assertThat(failed).rootCause().hasMessage("Port " + port + " on localhost, where the embedded PostgreSQL"
                    + " should listen, is in use by another program. Free it, or set PORTAL_EMBEDDED_POSTGRES_PORT to"
                    + " another port (0 picks a free one).");
        }
    }
}
