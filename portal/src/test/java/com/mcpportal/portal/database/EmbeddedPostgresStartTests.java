package com.mcpportal.portal.database;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

/** The embedded PostgreSQL started beside the application context: handed over, reported, or stopped. */
class EmbeddedPostgresStartTests {

    @TempDir
    Path directory;

    @AfterEach
    void stopWhatATestLeftRunning() {
        DataDirectories.stopLeftoverServer(directory.resolve("postgres"));
    }

    @Test
    void theServerStartedInTheBackgroundIsHandedOverRunning() throws Exception {
        EmbeddedPostgresStart start = EmbeddedPostgresStart.begin(settings(0));

        try (EmbeddedPostgresServer server = start.server()) {
            assertThat(DataDirectories.serverRuns(DataDirectories.postmasterPid(directory.resolve("postgres")),
                    directory.resolve("postgres"))).isTrue();
            start.destroy();
            assertThat(DataDirectories.serverRuns(DataDirectories.postmasterPid(directory.resolve("postgres")),
                    directory.resolve("postgres"))).as("the context's server bean stops it, not the start").isTrue();
        }
    }

    @Test
    void aServerNobodyTookIsStoppedWhenTheFailedContextIsDestroyed() throws Exception {
        // given a start whose context failed (another bean's error) before it asked for the server
        EmbeddedPostgresStart start = EmbeddedPostgresStart.begin(settings(0));
        Path data = directory.resolve("postgres");
        await().atMost(Duration.ofSeconds(90)).until(() -> DataDirectories.serverRuns(
                DataDirectories.postmasterPid(data), data));
        long pid = DataDirectories.postmasterPid(data);

        // when the context is destroyed
        start.destroy();

        // then no PostgreSQL is left running on the data directory
        await().atMost(Duration.ofSeconds(30)).until(() -> ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .isEmpty());
    }

    @Test
    void aFailedStartFailsTheContextWithTheServersOwnMessage() throws Exception {
        try (ServerSocket otherProgram = new ServerSocket()) {
            otherProgram.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = otherProgram.getLocalPort();
            EmbeddedPostgresStart start = EmbeddedPostgresStart.begin(settings(port));

            Throwable refused = catchThrowable(start::server);

            assertThat(refused).isInstanceOf(IllegalStateException.class).hasMessage("Port " + port
                    + " on localhost, where the embedded PostgreSQL should listen, is in use by another program. Free"
                    + " it, or set PORTAL_EMBEDDED_POSTGRES_PORT to another port (0 picks a free one).");
            assertThatCode(start::destroy).as("nothing to stop").doesNotThrowAnyException();
        }
    }

    private EmbeddedPostgresSettings settings(int port) {
        return new EmbeddedPostgresSettings(directory.resolve("postgres"), port, "portal", false);
    }
}
