package com.mcpportal.portal.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the zonky binaries, owned by the portal's application context. A persistent
 * server is started after clearing what a killed portal left behind ({@link LeftoverServer}) and is watched so it
 * stops if this portal is killed ({@link PostmasterDeathWatch}); its own output goes to {@code <data directory>.log}.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private static final Duration STARTUP_WAIT = Duration.ofSeconds(90);

    private final EmbeddedPostgres postgres;
    private final String database;
    private final @Nullable Path dataDirectory;
    private final PostmasterDeathWatch watch;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, String database, @Nullable Path dataDirectory,
            PostmasterDeathWatch watch) {
        this.postgres = postgres;
        this.database = database;
        this.dataDirectory = dataDirectory;
        this.watch = watch;
    }

    /** Starts the server (initialising the data directory only if it holds no cluster yet) and logs one line. */
    static EmbeddedPostgresServer start(EmbeddedPostgresSettings settings) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("listen_addresses", "localhost")
                    // zonky waits 10 s by default; a first initdb on a busy CI machine can take longer.
                    .setPGStartupWait(STARTUP_WAIT);
            Path dataDirectory;
            @Nullable Path output = null;
            if (settings.ephemeral()) {
                dataDirectory = Files.createTempDirectory("portal-postgres-");
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(true).setPort(0);
            }
            else {
                dataDirectory = settings.dataDirectory().toAbsolutePath().normalize();
                Files.createDirectories(dataDirectory);
                LeftoverServer.clear(dataDirectory);
                requireFreePort(settings.port());
                output = freshOutputFile(dataDirectory);
                // zonky defaults trade durability for speed (fsync and synchronous commit off): fine for a
                // throw-away test cluster, not for data a developer keeps across restarts.
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false).setPort(settings.port())
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        // A checkpoint line every 5 minutes would be most of the output file.
                        .setServerConfig("log_checkpoints", "off")
                        .setOutputRedirector(ProcessBuilder.Redirect.appendTo(output.toFile()))
                        .setErrorRedirector(ProcessBuilder.Redirect.appendTo(output.toFile()));
            }
            EmbeddedPostgres postgres = startOrExplain(builder, dataDirectory, output);
            PostmasterDeathWatch watch = PostmasterDeathWatch.start(
                    PostmasterPidFile.read(dataDirectory).orElseThrow().pid(), dataDirectory);
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, settings.database(),
                    settings.ephemeral() ? null : dataDirectory, watch);
            if (!settings.ephemeral()) {
                DataDirectoryOwners.served(dataDirectory);
            }
            try {
                server.createDatabaseIfMissing();
            }
            catch (RuntimeException ex) {
                server.close();
                throw ex;
            }
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

    /**
     * A fixed port taken by another program would make the new server fail to listen, and zonky would then take
     * whatever answers there (another portal's PostgreSQL, say) for ours.
     */
    private static void requireFreePort(int port) {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        }
        catch (IOException inUse) {
            throw new IllegalStateException("Port " + port + " on localhost, where the embedded PostgreSQL should"
                    + " listen, is in use by another program. Free it, or set PORTAL_EMBEDDED_POSTGRES_PORT to another"
                    + " port (0 picks a free one).");
        }
    }

    /** {@code <data directory>.log}, the previous run's kept as {@code .log.1}. */
    private static Path freshOutputFile(Path dataDirectory) throws IOException {
        Path output = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log");
        if (Files.exists(output)) {
            Files.move(output, output.resolveSibling(output.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
        return output;
    }

    /** zonky only says it gave up waiting for the port; the server's own last words say why. */
    private static EmbeddedPostgres startOrExplain(EmbeddedPostgres.Builder builder, Path dataDirectory,
            @Nullable Path output)
            throws IOException {
        try {
            return builder.start();
        }
        catch (IOException | RuntimeException ex) {
            if (output == null) {
                throw ex;
            }
            List<String> said = Files.exists(output) ? new String(Files.readAllBytes(output), StandardCharsets.UTF_8)
                    .lines().filter(line -> line.matches("(?i).*\\b(fatal|panic|error|detail|hint):.*")).toList() : List.of();
            throw new IllegalStateException("The embedded PostgreSQL did not start on " + dataDirectory + " ("
                    + ex.getMessage() + "). " + (said.isEmpty() ? "It said nothing"
                    : "It said: " + said.subList(Math.max(0, said.size() - 4), said.size()).stream()
                            .map(String::strip).collect(Collectors.joining(" / "))) + ". Its whole output is in "
                    + output + ".", ex);
        }
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
        watch.close();
        try {
            postgres.close();
        }
        finally {
            if (dataDirectory != null) {
                DataDirectoryOwners.released(dataDirectory);
            }
        }
    }
}
