package com.mcpportal.portal.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

/**
 * One embedded PostgreSQL per test JVM, and a fresh database in it for every Spring context that asks
 * ({@link DatabasePerContext}): the migrations run once, into a template database, and each new database is a copy
 * of it ({@code CREATE DATABASE … TEMPLATE}, a file copy), instead of an initdb, a server start and every migration
 * per context. The cluster lives in a temporary directory that zonky's shutdown hook stops and deletes.
 */
public final class TestDatabases {

    private static final String TEMPLATE = "portal_template";

    /** Each cached context keeps its pool (10 connections by default) open until the JVM ends. */
    private static final String MAX_CONNECTIONS = "1000";

    private static EmbeddedPostgres server;
    private static int created;

    private TestDatabases() {
    }

    /** Creates a new database with every migration applied and returns its JDBC URL (user {@code postgres}). */
    public static synchronized String newDatabase() {
        EmbeddedPostgres postgres = server();
        String name = "portal_" + ++created;
        execute(postgres, "CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
        return postgres.getJdbcUrl("postgres", name);
    }

    /** The port of the one server, for tests of this class. */
    static synchronized int port() {
        return server().getPort();
    }

    private static EmbeddedPostgres server() {
        if (server == null) {
            try {
                EmbeddedPostgres started = EmbeddedPostgres.builder().setPort(0)
                        .setServerConfig("listen_addresses", "localhost")
                        .setServerConfig("max_connections", MAX_CONNECTIONS)
                        .setPGStartupWait(Duration.ofSeconds(90))
                        .start();
                execute(started, "CREATE DATABASE " + TEMPLATE);
                Flyway.configure().dataSource(started.getJdbcUrl("postgres", TEMPLATE), "postgres", "")
                        .locations("classpath:db/migration").load().migrate();
                server = started;
            }
            catch (IOException e) {
                throw new UncheckedIOException("Could not start the tests' embedded PostgreSQL", e);
            }
        }
        return server;
    }

    private static void execute(EmbeddedPostgres postgres, String sql) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException e) {
            throw new IllegalStateException(sql + " failed in the tests' embedded PostgreSQL", e);
        }
    }
}
