package com.mcpportal.portal.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

/**
 * What the pid in a left-over {@code postmaster.pid} is now, and how to stop it when it is our server.
 *
 * <p>A pid is only a number: after the server died it can name any later process (in a restarted container the
 * same small pids come round again, often as threads of the portal's own JVM). A process counts as the server of a
 * data directory only when its executable is {@code postgres} and its working directory is that data directory
 * (the postmaster changes into it at start; Linux shows it as {@code /proc/<pid>/cwd}). No other process passes
 * both, and neither test depends on clocks, unlike comparing the file's start time with the process's, which shifts
 * when the system clock is stepped.
 *
 * @param kind        which of the cases it is
 * @param process     the live process (null when gone)
 * @param description what it is, for the log and errors
 */
record PostmasterProcess(Kind kind, @Nullable ProcessHandle process, String description) {

    enum Kind {
        /** No such process: PostgreSQL itself sees that and replaces the stale file. */
        GONE,
        /** PostgreSQL running on this data directory. */
        THIS_SERVER,
        /** Any other process: the pid was reused. */
        OTHER_PROCESS,
        /** Alive, but neither its executable nor its directory can be read. */
        UNIDENTIFIED
    }

    /** Who {@code pid} is, compared with the data directory whose lock file named it. */
    static PostmasterProcess identify(long pid, Path dataDirectory) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (handle.isEmpty()) {
            return new PostmasterProcess(Kind.GONE, null, "no longer running");
        }
        ProcessHandle process = handle.get();
        Optional<String> command = process.info().command();
        if (command.isPresent() && !Path.of(command.get()).getFileName().toString().equals("postgres")) {
            return new PostmasterProcess(Kind.OTHER_PROCESS, process, "now " + command.get());
        }
        Optional<Path> directory = workingDirectory(pid);
        if (command.isPresent() && directory.isPresent()) {
            return sameFile(directory.get(), dataDirectory)
                    ? new PostmasterProcess(Kind.THIS_SERVER, process, "PostgreSQL of this data directory")
                    : new PostmasterProcess(Kind.OTHER_PROCESS, process, "now PostgreSQL of " + directory.get());
        }
        Optional<String> user = process.info().user();
        if (user.isPresent() && !user.get().equals(System.getProperty("user.name"))) {
            // PostgreSQL runs as the owner of its data directory, which is us: another user's process is not it.
            return new PostmasterProcess(Kind.OTHER_PROCESS, process, "now a process of user " + user.get());
        }
        return new PostmasterProcess(Kind.UNIDENTIFIED, process, "running, but its program and directory cannot be "
                + "read");
    }

    /**
     * Asks the server for a fast shutdown (SIGINT: sessions rolled back, a checkpoint, a clean stop, what
     * {@code pg_ctl stop} does by default), and, only if it is still running after {@code fastWait}, for an
     * immediate one (SIGQUIT: it stops at once and recovers from its write-ahead log at the next start, as after a
     * crash). Signals rather than {@code pg_ctl}: pg_ctl refuses to run as root, which zonky works around with a user
     * namespace, and the binaries the old server came from may be gone after an upgrade.
     *
     * @return whether the fast shutdown was enough
     */
    boolean stop(Duration fastWait, Duration immediateWait) {
        ProcessHandle running = Objects.requireNonNull(process, "only a running server is stopped");
        signal(running.pid(), "INT");
        if (awaitExit(running, fastWait)) {
            return true;
        }
        signal(running.pid(), "QUIT");
        if (awaitExit(running, immediateWait)) {
            return false;
        }
        throw new IllegalStateException("PostgreSQL (pid " + running.pid() + ") did not stop within "
                + fastWait.plus(immediateWait).toSeconds() + " s of being asked to; stop it (kill -9 " + running.pid()
                + ") and start the portal again");
    }

    /** Sends a signal by name ({@code INT}, {@code QUIT} …) through the shell's kill, which every Unix has. */
    static void signal(long pid, String signal) {
        ProcessBuilder kill = new ProcessBuilder("sh", "-c", "kill -s \"$1\" \"$2\"", "kill", signal,
                Long.toString(pid)).redirectErrorStream(true);
        try {
            Process process = kill.start();
            String output = new String(process.getInputStream().readAllBytes()).strip();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("Could not send SIG" + signal + " to pid " + pid + ": " + output);
            }
        }
        catch (IOException ex) {
            throw new IllegalStateException("Could not send SIG" + signal + " to pid " + pid, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while signalling pid " + pid, ex);
        }
    }

    private static boolean awaitExit(ProcessHandle running, Duration wait) {
        try {
            running.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        }
        catch (TimeoutException stillRunning) {
            return false;
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException(ex.getCause());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for PostgreSQL to stop", ex);
        }
    }

    private static Optional<Path> workingDirectory(long pid) {
        try {
            return Optional.of(Path.of("/proc", Long.toString(pid), "cwd").toRealPath());
        }
        catch (IOException | SecurityException unreadable) {
            return Optional.empty();
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        }
        catch (IOException ex) {
            return false;
        }
    }
}
