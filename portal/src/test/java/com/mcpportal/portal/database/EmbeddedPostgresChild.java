package com.mcpportal.portal.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * The portal reduced to its embedded database, for tests that kill it: starts the server on the data directory
 * given (port 0), writes a row, prints "ready", and shuts down normally when its standard input ends.
 */
final class EmbeddedPostgresChild {

    static final String NOTE = "written before the crash";

    private EmbeddedPostgresChild() {
    }

    public static void main(String[] args) throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(
                new EmbeddedPostgresSettings(Path.of(args[0]), 0, "portal", false))) {
            try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), "");
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS note (text VARCHAR(50))");
                statement.execute("INSERT INTO note VALUES ('" + NOTE + "')");
            }
            System.out.println("ready on port " + server.port());
            while (System.in.read() != -1) {
                // wait for the end of input
            }
        }
    }
}
