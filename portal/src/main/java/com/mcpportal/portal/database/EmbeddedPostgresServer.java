package com.mcpportal.portal.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A real PostgreSQL server run from the zonky binaries, owned by the portal's application context. */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private static final Duration STARTUP_WAIT = Duration.ofSeconds(90);

    private final EmbeddedPostgres postgres;
    private final String database;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, String database) {
        this.postgres = postgres;
        this.database = database;
    }

    /** Starts the server (initialising the data directory only if it holds no cluster yet) and logs one line. */
    static EmbeddedPostgresServer start(EmbeddedPostgresSettings settings) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("listen_addresses", "localhost")
                    // zonky waits 10 s by default; a first initdb on a busy CI machine can take longer.
                    .setPGStartupWait(STARTUP_WAIT);
            Path dataDirectory;
            if (settings.ephemeral()) {
                dataDirectory = Files.createTempDirectory("portal-postgres-");
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(true).setPort(0);
            }
            else {
                dataDirectory = settings.dataDirectory().toAbsolutePath().normalize();
                Files.createDirectories(dataDirectory);
                // zonky defaults trade durability for speed (fsync and synchronous commit off): fine for a
                // throw-away test cluster, not for data a developer keeps across restarts.
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(settings.port())
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on");
            }
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(builder.start(), settings.database());
            server.createDatabaseIfMissing();
            log.info("No SPRING_DATASOURCE_URL set: started embedded PostgreSQL on localhost:{} (database '{}', {} data in {})",
                    server.port(), settings.database(), settings.ephemeral() ? "temporary" : "persistent", dataDirectory);
            return server;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", ex);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** JDBC URL of the portal's database; the superuser {@code postgres} needs no password on loopback. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    public String username() {
        return "postgres";
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                // An identifier cannot be a bind parameter; the name comes from our own settings and is quoted.
                create.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not create database '" + database + "' in the embedded PostgreSQL", ex);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
