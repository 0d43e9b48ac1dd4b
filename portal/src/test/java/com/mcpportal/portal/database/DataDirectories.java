package com.mcpportal.portal.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/** Data directories of the embedded PostgreSQL as the tests set them up, look into them and clean up after them. */
final class DataDirectories {

    private DataDirectories() {
    }

    static EmbeddedPostgresServer start(Path dataDirectory) {
        return EmbeddedPostgresServer.start(new EmbeddedPostgresSettings(dataDirectory, 0, "portal", false));
    }

    /** The pid in the data directory's lock file (0 without one). */
    static long postmasterPid(Path dataDirectory) {
        try {
            return PostmasterPidFile.read(dataDirectory).map(PostmasterPidFile::pid).orElse(0L);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Whether that pid is a live PostgreSQL of that data directory. */
    static boolean serverRuns(long pid, Path dataDirectory) {
        return PostmasterProcess.identify(pid, dataDirectory).kind() == PostmasterProcess.Kind.THIS_SERVER;
    }

    /**
     * Initialises a data directory with one row in it, and returns the lock file its server wrote while it ran, once
     * that server has exited (it removes the file a moment before).
     */
    static String lockFileOfAStoppedServer(Path dataDirectory) throws Exception {
        String lockFile;
        try (EmbeddedPostgresServer server = start(dataDirectory)) {
            execute(server, "CREATE TABLE note (text VARCHAR(50))", "INSERT INTO note VALUES ('kept')");
            lockFile = Files.readString(dataDirectory.resolve(PostmasterPidFile.NAME));
        }
        long pid = Long.parseLong(lockFile.lines().findFirst().orElseThrow());
        await().atMost(Duration.ofSeconds(30)).until(() -> ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .isEmpty());
        return lockFile;
    }

    /** A copy of a data directory, with its owner-only permissions (PostgreSQL refuses a directory others can read). */
    static Path copyOf(Path dataDirectory, Path copy) throws IOException {
        try (Stream<Path> files = Files.walk(dataDirectory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, copy.resolve(dataDirectory.relativize(file).toString()),
                        StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return copy;
    }

    /** The same lock file naming another pid. */
    static String withPid(String lockFile, long pid) {
        return pid + lockFile.substring(lockFile.indexOf('\n'));
    }

    static void execute(EmbeddedPostgresServer server, String... statements) throws Exception {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), "");
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    static List<String> notes(EmbeddedPostgresServer server) throws Exception {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT text FROM note")) {
            List<String> notes = new ArrayList<>();
            while (rows.next()) {
                notes.add(rows.getString(1));
            }
            return notes;
        }
    }

    /** Stops a server a test left running on the directory (a killed child's), if it is still that server. */
    static void stopLeftoverServer(Path dataDirectory) {
        long pid = postmasterPid(dataDirectory);
        if (pid == 0) {
            return;
        }
        PostmasterProcess process = PostmasterProcess.identify(pid, dataDirectory);
        if (process.kind() == PostmasterProcess.Kind.THIS_SERVER) {
            process.stop(Duration.ofSeconds(20), Duration.ofSeconds(10));
        }
    }
}
