package com.mcpportal.portal.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * PostgreSQL's lock file, {@code postmaster.pid} in the data directory, as a start that finds it left over reads
 * it. The server writes it as it starts and removes it as it stops, so one found before our start belongs to a
 * server that is still running or was killed. Its lines are the pid, the data directory, the start time (epoch
 * seconds), the port, the socket directory, the listen address, the shared memory key and the status (PostgreSQL's
 * {@code pidfile.h}); the first four are what a restart needs.
 *
 * @param file          the file itself
 * @param pid           the server's pid; 0 when the file is too short or garbled to name one
 * @param dataDirectory the data directory the server was given (null if missing)
 * @param startedAt     when it started (null if missing)
 * @param port          the port it listens on (0 if missing)
 */
record PostmasterPidFile(Path file, long pid, @Nullable Path dataDirectory, @Nullable Instant startedAt, int port) {

    static final String NAME = "postmaster.pid";

    /** The data directory's lock file, or empty when there is none (the last server stopped cleanly). */
    static Optional<PostmasterPidFile> read(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve(NAME);
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        }
        catch (NoSuchFileException gone) {
            return Optional.empty();
        }
        return Optional.of(new PostmasterPidFile(file, number(lines, 0), line(lines, 1).map(Path::of).orElse(null),
                line(lines, 2).map(seconds -> Instant.ofEpochSecond(number(lines, 2))).orElse(null),
                (int) number(lines, 3)));
    }

    /**
     * A file that names no server: empty or cut short, as a start that crashed while writing it or a power cut
     * leaves it. PostgreSQL refuses to start on one ("lock file is empty", "bogus data in lock file").
     */
    boolean incomplete() {
        return pid <= 0;
    }

    private static Optional<String> line(List<String> lines, int index) {
        return index < lines.size() && !lines.get(index).isBlank() ? Optional.of(lines.get(index).strip())
                : Optional.empty();
    }

    private static long number(List<String> lines, int index) {
        try {
            return line(lines, index).map(Long::parseLong).orElse(0L);
        }
        catch (NumberFormatException garbled) {
            return 0;
        }
    }
}
