package com.mcpportal.portal.database;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The embedded PostgreSQL keeps a developer's data across restarts, durably, and says why when it cannot start. */
class EmbeddedPostgresServerTests {

    @TempDir
    Path dataDirectory;

    @AfterEach
    void stopWhatTheOldCodeLeftRunning() {
        DataDirectories.stopLeftoverServer(dataDirectory.resolve("postgres"));
    }

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

    @Test
    void aFixedPortTakenByAnotherProgramIsRefusedAtOnceSayingWhatToDo() throws Exception {
        try (ServerSocket otherProgram = new ServerSocket()) {
            otherProgram.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = otherProgram.getLocalPort();

            // bounded: before the check, the start took the other program for PostgreSQL and waited on it forever
            Throwable refused = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> catchThrowable(
                    () -> EmbeddedPostgresServer.start(new EmbeddedPostgresSettings(dataDirectory.resolve("postgres"),
                            port, "portal", false))));
            assertThat(refused).hasMessage("Port " + port + " on localhost, where the embedded PostgreSQL should"
                    + " listen, is in use by another program. Free it, or set PORTAL_EMBEDDED_POSTGRES_PORT to another"
                    + " port (0 picks a free one).");
        }
    }

    @Test
    void aDirectoryHoldingSomethingElseIsRefusedWithWhatPostgreSQLSaid() throws Exception {
        // given a data directory pointed at a folder that holds other files and no database cluster
        Path folder = dataDirectory.resolve("not-a-cluster");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("notes.txt"), "someone else's file");

        assertThatThrownBy(() -> EmbeddedPostgresServer.start(new EmbeddedPostgresSettings(folder, 0, "portal",
                false)))
                .hasMessageStartingWith("The embedded PostgreSQL did not start on " + folder)
                .hasMessageContaining("It said: initdb: error: directory \"" + folder + "\" exists but is not empty")
                .hasMessageEndingWith("Its whole output is in " + dataDirectory.resolve("not-a-cluster.log") + ".");
    }
}
