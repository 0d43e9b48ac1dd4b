package com.mcpportal.portal.database;

import java.io.IOException;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the embedded PostgreSQL when the portal's JVM dies without running its shutdown hooks (kill -9, the OOM
 * killer, a JVM crash), so a killed portal does not leave its database running until the next start.
 *
 * <p>Nothing else would: pg_ctl detaches the server into a session of its own whose parent is init, so it is not
 * even the JVM's child, PostgreSQL has no parent-death option, and Linux's {@code PR_SET_PDEATHSIG} is out of reach
 * of Java and tied to the thread that started the child. What every Unix does offer: when a process dies, however
 * it dies, the kernel closes its file descriptors. This starts a small {@code sh} child that blocks reading a pipe
 * whose only writer is this JVM (Java closes inherited descriptors in every child it starts, so no other process
 * holds the pipe open); when the JVM dies the read ends and the shell asks the server for a fast shutdown, if the
 * pid is still PostgreSQL of this data directory. A portal that shuts down normally ends the watch first and stops
 * the server itself.
 *
 * <p>What this cannot cover (the watch killed with the JVM, as {@code kill -9 -- -<process group>} does, a power
 * cut) the next start handles ({@link LeftoverServer}).
 */
final class PostmasterDeathWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostmasterDeathWatch.class);

    /** $1: the postmaster's pid; $2: its data directory. Reads until end of file, which only the JVM's death gives. */
    private static final String SCRIPT = "while read -r ignored; do :; done;"
            + " if [ /proc/\"$1\"/cwd -ef \"$2\" ]; then kill -s INT \"$1\"; fi";

    /** Held for the server's life: the stream's cleaner would close the pipe, and so stop the server, if collected. */
    private final @Nullable Process watch;

    private PostmasterDeathWatch(@Nullable Process watch) {
        this.watch = watch;
    }

    /** Starts watching; without a shell (not a Unix) there is no watch and the next start does the clean-up. */
    static PostmasterDeathWatch start(long postmasterPid, Path dataDirectory) {
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", SCRIPT, "portal-postgres-watch",
                Long.toString(postmasterPid), dataDirectory.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            return new PostmasterDeathWatch(builder.start());
        }
        catch (IOException ex) {
            log.warn("Could not start the watch that stops the embedded PostgreSQL if the portal is killed ({}); the"
                    + " next start stops a server left running", ex.getMessage());
            return new PostmasterDeathWatch(null);
        }
    }

    long pid() {
        return watch == null ? -1 : watch.pid();
    }

    /** Ends the watch without touching the server (SIGTERM ends the shell's read). */
    @Override
    public void close() {
        if (watch != null) {
            watch.destroy();
        }
    }
}
