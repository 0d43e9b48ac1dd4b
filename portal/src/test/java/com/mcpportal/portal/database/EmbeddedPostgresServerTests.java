package com.mcpportal.portal.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded PostgreSQL keeps a developer's data across restarts, durably. */
class EmbeddedPostgresServerTests {

    @TempDir
    Path dataDirectory;

    @Test
    void aRestartReusesTheDataDirectory() throws Exception {
        EmbeddedPostgresSettings settings = new EmbeddedPostgresSettings(dataDirectory.resolve("postgres"), 0,
                "portal", false);

        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(settings);
             Connection connection = DriverManager.getConnection(first.jdbcUrl(), first.username(), "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE note (text VARCHAR(50))");
            statement.execute("INSERT INTO note VALUES ('written before the restart')");
        }

        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(settings);
             Connection connection = DriverManager.getConnection(second.jdbcUrl(), second.username(), "");
             Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT text FROM note")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("written before the restart");
            }
            try (ResultSet fsync = statement.executeQuery("SELECT current_setting('fsync')")) {
                fsync.next();
                assertThat(fsync.getString(1)).as("kept data is written durably").isEqualTo("on");
            }
        }
        assertThat(dataDirectory.resolve("postgres/PG_VERSION")).exists();
    }
}
