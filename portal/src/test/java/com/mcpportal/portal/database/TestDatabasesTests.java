package com.mcpportal.portal.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The tests' shared server: each context's database is a migrated copy of its own, on the one server. */
class TestDatabasesTests {

    @Test
    void eachNewDatabaseIsMigratedSeparateAndOnTheOneServer() throws SQLException, IOException {
        // given two databases, as two contexts get them
        String first = TestDatabases.newDatabase();
        String second = TestDatabases.newDatabase();

        // then they are two databases on one server
        assertThat(first).isNotEqualTo(second);
        assertThat(first).contains("localhost:" + TestDatabases.port() + "/");
        assertThat(second).contains("localhost:" + TestDatabases.port() + "/");

        // and both carry every migration
        long migrations;
        try (Stream<Path> files = Files.list(Path.of("..", "db", "migration"))) {
            migrations = files.filter(file -> file.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
        for (String database : List.of(first, second)) {
            assertThat(single(database, "SELECT count(*) FROM flyway_schema_history WHERE success"))
                    .isEqualTo(migrations);
        }

        // and what one context writes the other does not see
        execute(first, "INSERT INTO team (name, created_at) VALUES ('Only in the first', now())");
        assertThat(single(first, "SELECT count(*) FROM team WHERE name = 'Only in the first'")).isOne();
        assertThat(single(second, "SELECT count(*) FROM team WHERE name = 'Only in the first'")).isZero();
    }

    private static long single(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
