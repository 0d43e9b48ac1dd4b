package com.mcpportal.portal.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a persistent data directory startable after a portal that did not shut down (kill -9, a crash, the OOM
 * killer, a power cut), and says in one log line what it found and did.
 *
 * <p>pg_ctl detaches the server from the portal, so a killed portal leaves it running and holding the data
 * directory. The next start then failed: PostgreSQL refused to start a second server there ("lock file
 * postmaster.pid already exists"), and zonky, which never looks at pg_ctl's answer, waited its whole start-up time
 * for the new server's port. With a fixed port the old server answered there and was used unawares (its output going
 * nowhere, its settings those of the last run, nobody to stop it); with port 0 (a fresh port) nothing ever answered,
 * so the portal gave up after 90 s with "Connection refused".
 *
 * <p>A server left running is <em>stopped</em> (a fast shutdown: what the dead portal left open is rolled back,
 * everything committed is kept, about a second) and a new one started, rather than reused: a new server has this
 * run's settings and binaries, its messages reach our log, and this portal owns its lifetime. Before anything is
 * stopped, the pid must be PostgreSQL of this very directory ({@link PostmasterProcess}) and no live portal may
 * hold the directory ({@link DataDirectoryOwners}). A lock file whose pid is gone is left to PostgreSQL, which
 * replaces it itself; one whose pid now belongs to another process, or that names no pid at all, is removed, since
 * PostgreSQL would refuse to start on it.
 */
final class LeftoverServer {

    private static final Logger log = LoggerFactory.getLogger(LeftoverServer.class);

    static final Duration FAST_SHUTDOWN_WAIT = Duration.ofSeconds(60);
    static final Duration IMMEDIATE_SHUTDOWN_WAIT = Duration.ofSeconds(15);

    private LeftoverServer() {
    }

    /** Clears what a previous portal left in the data directory so a server can start there. */
    static void clear(Path dataDirectory) throws IOException {
        DataDirectoryOwners.requireUnowned(dataDirectory);
        Optional<PostmasterPidFile> found = PostmasterPidFile.read(dataDirectory);
        if (found.isEmpty()) {
            return;
        }
        PostmasterPidFile pidFile = found.get();
        if (pidFile.incomplete()) {
            Files.deleteIfExists(pidFile.file());
            log.warn("Removed {}, which names no server (a PostgreSQL start was cut short), so PostgreSQL can start",
                    pidFile.file());
            return;
        }
        PostmasterProcess holder = PostmasterProcess.identify(pidFile.pid(), dataDirectory);
        switch (holder.kind()) {
            case GONE -> log.warn("Found {} of a PostgreSQL (pid {}) that is no longer running (killed, or the machine"
                    + " restarted); PostgreSQL replaces it and recovers from its write-ahead log", pidFile.file(),
                    pidFile.pid());
            case OTHER_PROCESS -> {
                Files.deleteIfExists(pidFile.file());
                log.warn("Removed {}: its pid {} is {}, not PostgreSQL of this data directory (the server that wrote"
                        + " it is gone), so PostgreSQL can start", pidFile.file(), pidFile.pid(), holder.description());
            }
            case THIS_SERVER -> stop(pidFile, holder);
            case UNIDENTIFIED -> throw new IllegalStateException(pidFile.file() + " names pid " + pidFile.pid()
                    + ", which is " + holder.description() + ". If it is PostgreSQL of " + dataDirectory
                    + ", stop it (kill -INT " + pidFile.pid() + "); if it is not, delete " + pidFile.file()
                    + ". Then start the portal again.");
        }
    }

    private static void stop(PostmasterPidFile pidFile, PostmasterProcess server) {
        long started = System.nanoTime();
        boolean clean = server.stop(FAST_SHUTDOWN_WAIT, IMMEDIATE_SHUTDOWN_WAIT);
        log.warn("Stopped the embedded PostgreSQL that a previous portal left running on {} (pid {}, port {}, since {})"
                + " when it was killed or crashed: {} in {} ms; starting a new server", pidFile.dataDirectory(),
                pidFile.pid(), pidFile.port(), pidFile.startedAt(), clean ? "a fast shutdown"
                        : "an immediate shutdown after the fast one took over " + FAST_SHUTDOWN_WAIT.toSeconds() + " s",
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }
}
