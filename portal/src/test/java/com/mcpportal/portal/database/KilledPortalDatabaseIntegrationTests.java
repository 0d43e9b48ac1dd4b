package com.mcpportal.portal.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.mcpportal.portal.database.DataDirectories.notes;
import static com.mcpportal.portal.database.DataDirectories.postmasterPid;
import static com.mcpportal.portal.database.DataDirectories.serverRuns;
import static com.mcpportal.portal.database.DataDirectories.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The embedded PostgreSQL of a portal killed with SIGKILL (no shutdown hook runs): it stops with the portal, and
 * when it could not (everything the portal started was killed too) the next start stops it and starts afresh on
 * port 0. The portal is a child JVM reduced to its database ({@link EmbeddedPostgresChild}).
 */
@ExtendWith(OutputCaptureExtension.class)
class KilledPortalDatabaseIntegrationTests {

    private static final int SIGKILL_EXIT = 128 + 9;

    @TempDir
    Path directory;

    private ChildJvm portal;

    @AfterEach
    void cleanUp() {
        if (portal != null) {
            portal.close();
        }
        DataDirectories.stopLeftoverServer(data());
    }

    @Test
    void theServerOfAKilledPortalStopsWithIt() throws IOException {
        long server = startPortal();

        assertThat(portal.killHard()).as("exit status of a SIGKILLed JVM").isEqualTo(SIGKILL_EXIT);

        await().atMost(Duration.ofSeconds(30)).until(() -> ProcessHandle.of(server).filter(ProcessHandle::isAlive)
                .isEmpty());
        assertThat(data().resolve(PostmasterPidFile.NAME)).as("a clean shutdown removes the lock file").doesNotExist();
    }

    @Test
    void aServerLeftRunningIsStoppedByTheNextStartOnAFreshPort(CapturedOutput output) throws Exception {
        long server = startPortal();

        portal.killHardWithDescendants();
        assertThat(serverRuns(server, data())).as("the killed portal's PostgreSQL is left running").isTrue();

        try (EmbeddedPostgresServer restarted = start(data())) {
            assertThat(notes(restarted)).containsExactly(EmbeddedPostgresChild.NOTE);
            assertThat(ProcessHandle.of(server).filter(ProcessHandle::isAlive)).isEmpty();
        }
        assertThat(output).contains("Stopped the embedded PostgreSQL that a previous portal left running on "
                + data() + " (pid " + server + ", port ").contains("when it was killed or crashed: a fast shutdown in");
    }

    @Test
    void theDataDirectoryOfARunningPortalIsRefusedAndItsServerKeepsRunning() throws Exception {
        long server = startPortal();

        assertThatThrownBy(() -> start(data())).hasMessageContaining("is in use by another running portal");

        assertThat(serverRuns(server, data())).isTrue();
        assertThat(portal.process().isAlive()).isTrue();
    }

    /** Starts the child portal on the data directory and returns its PostgreSQL's pid. */
    private long startPortal() throws IOException {
        Files.createDirectories(directory.resolve("work"));
        portal = ChildJvm.start(EmbeddedPostgresChild.class.getName(), List.of(data().toString()), Map.of(),
                directory.resolve("work"), true);
        await().atMost(Duration.ofSeconds(120)).failFast(() -> !portal.process().isAlive())
                .until(() -> portal.printed("ready on port"));
        long server = postmasterPid(data());
        assertThat(serverRuns(server, data())).isTrue();
        return server;
    }

    private Path data() {
        return directory.resolve("postgres");
    }
}
