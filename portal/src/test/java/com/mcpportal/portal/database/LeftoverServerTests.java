package com.mcpportal.portal.database;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.mcpportal.portal.database.DataDirectories.copyOf;
import static com.mcpportal.portal.database.DataDirectories.lockFileOfAStoppedServer;
import static com.mcpportal.portal.database.DataDirectories.notes;
import static com.mcpportal.portal.database.DataDirectories.postmasterPid;
import static com.mcpportal.portal.database.DataDirectories.serverRuns;
import static com.mcpportal.portal.database.DataDirectories.start;
import static com.mcpportal.portal.database.DataDirectories.withPid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A persistent embedded PostgreSQL starts by itself on whatever lock file a killed server left in its data
 * directory, never touches a process that is not its own server, and says what it did. (A server still running
 * there is in {@link KilledPortalDatabaseIntegrationTests}.)
 */
@ExtendWith(OutputCaptureExtension.class)
class LeftoverServerTests {

    /** One cluster, initialised once: the data directory of a server that is gone, copied for each test. */
    @TempDir
    static Path template;

    private static String killedServersLockFile;

    @TempDir
    Path directory;

    private Process otherProgram;

    @BeforeAll
    static void initialiseOnce() throws Exception {
        killedServersLockFile = lockFileOfAStoppedServer(template.resolve("postgres"));
    }

    @AfterEach
    void cleanUp() {
        if (otherProgram != null) {
            otherProgram.destroyForcibly();
        }
        DataDirectories.stopLeftoverServer(directory.resolve("postgres"));
    }

    private Path dataDirectoryOfAServerThatIsGone(String name) throws Exception {
        return copyOf(template.resolve("postgres"), directory.resolve(name));
    }

    @Test
    void aLockFileWhoseServerIsGoneIsReplacedByPostgreSQL(CapturedOutput output) throws Exception {
        // given the lock file of a server that was killed with its machine: the pid in it runs no more
        Path data = dataDirectoryOfAServerThatIsGone("postgres");
        Files.writeString(data.resolve(PostmasterPidFile.NAME), killedServersLockFile);
        long deadPid = postmasterPid(data);
        assertThat(ProcessHandle.of(deadPid).filter(ProcessHandle::isAlive)).isEmpty();

        // when the portal starts, then the server runs on the kept data
        try (EmbeddedPostgresServer server = start(data)) {
            assertThat(notes(server)).containsExactly("kept");
            assertThat(postmasterPid(data)).isNotEqualTo(deadPid);
        }
        assertThat(output).contains("of a PostgreSQL (pid " + deadPid + ") that is no longer running");
    }

    @Test
    void aLockFileWhosePidIsNowAnotherProgramIsRemovedAndTheProgramLeftAlone(CapturedOutput output)
            throws Exception {
        // given the lock file of a killed server whose pid now names another program (as in a restarted container)
        Path data = dataDirectoryOfAServerThatIsGone("postgres");
        otherProgram = new ProcessBuilder("sleep", "600").start();
        Files.writeString(data.resolve(PostmasterPidFile.NAME), withPid(killedServersLockFile, otherProgram.pid()));

        // when the portal starts, then the server runs (PostgreSQL alone would refuse: "Is another postmaster
        // running?") and the other program was not signalled
        try (EmbeddedPostgresServer server = start(data)) {
            assertThat(notes(server)).containsExactly("kept");
        }
        assertThat(otherProgram.isAlive()).isTrue();
        assertThat(output).contains("Removed " + data.resolve(PostmasterPidFile.NAME) + ": its pid "
                + otherProgram.pid() + " is now ").contains("sleep, not PostgreSQL of this data directory");
    }

    @Test
    void aLockFileCopiedFromAnotherRunningServerDoesNotStopThatServer(CapturedOutput output) throws Exception {
        // given a data directory copied, lock file and all, from another directory whose server still runs
        Path data = dataDirectoryOfAServerThatIsGone("postgres");
        Path otherData = dataDirectoryOfAServerThatIsGone("other");
        try (EmbeddedPostgresServer other = start(otherData)) {
            long otherServer = postmasterPid(otherData);
            Files.copy(otherData.resolve(PostmasterPidFile.NAME), data.resolve(PostmasterPidFile.NAME));

            // when the portal starts on the copy, then its own server runs and the other one was left running
            try (EmbeddedPostgresServer server = start(data)) {
                assertThat(notes(server)).containsExactly("kept");
            }
            assertThat(serverRuns(otherServer, otherData)).isTrue();
            assertThat(notes(other)).containsExactly("kept");
            assertThat(output).contains("is now PostgreSQL of " + otherData.toRealPath());
        }
    }

    @Test
    void anEmptyLockFileIsRemoved(CapturedOutput output) throws Exception {
        // given the empty lock file of a start cut short (PostgreSQL alone refuses: "lock file is empty")
        Path data = dataDirectoryOfAServerThatIsGone("postgres");
        Files.writeString(data.resolve(PostmasterPidFile.NAME), "");

        try (EmbeddedPostgresServer server = start(data)) {
            assertThat(notes(server)).containsExactly("kept");
        }
        assertThat(output).contains("which names no server (a PostgreSQL start was cut short)");
    }

    @Test
    void aDataDirectoryInUseIsRefusedAndItsServerKeepsRunning() throws Exception {
        Path data = dataDirectoryOfAServerThatIsGone("postgres");
        try (EmbeddedPostgresServer running = start(data)) {

            assertThatThrownBy(() -> start(data)).hasMessageContaining("The embedded PostgreSQL data directory "
                    + data + " is in use by another running portal").hasMessageContaining(
                    "PORTAL_EMBEDDED_POSTGRES_DATA_DIRECTORY");

            assertThat(notes(running)).containsExactly("kept");
        }
    }
}
