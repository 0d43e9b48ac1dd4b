package com.mcpportal.portal.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells a server left behind by a dead portal from the server of a portal that is still running on the same data
 * directory, which must never be stopped. zonky holds a lock on {@code epg-lock} in the data directory for as long
 * as its {@code EmbeddedPostgres} is open; the kernel drops the lock when the process that holds it dies, however
 * it dies. So a lock that can be taken means no live portal owns the directory.
 *
 * <p>Directories served in this JVM are remembered instead of probed: closing any channel on a file drops every
 * lock this process holds on it (POSIX record locks are per process), so probing our own lock would release it.
 */
final class DataDirectoryOwners {

    static final String LOCK_FILE = "epg-lock";

    private static final Set<Path> SERVED_HERE = ConcurrentHashMap.newKeySet();

    private DataDirectoryOwners() {
    }

    /** Fails, saying what to do, when a live portal (this one or another process) runs a server on the directory. */
    static void requireUnowned(Path dataDirectory) {
        if (SERVED_HERE.contains(dataDirectory) || lockedByAnotherProcess(dataDirectory.resolve(LOCK_FILE))) {
            throw new IllegalStateException("The embedded PostgreSQL data directory " + dataDirectory + " is in use"
                    + " by another running portal (it holds " + LOCK_FILE + " there). Stop that portal, or give this"
                    + " one a directory of its own with PORTAL_EMBEDDED_POSTGRES_DATA_DIRECTORY.");
        }
    }

    static void served(Path dataDirectory) {
        SERVED_HERE.add(dataDirectory);
    }

    static void released(Path dataDirectory) {
        SERVED_HERE.remove(dataDirectory);
    }

    private static boolean lockedByAnotherProcess(Path lockFile) {
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            return lock == null;
        }
        catch (OverlappingFileLockException heldInThisJvm) {
            return true;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not check " + lockFile, ex);
        }
    }
}
