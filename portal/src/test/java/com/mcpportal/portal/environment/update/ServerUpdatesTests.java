package com.mcpportal.portal.environment.update;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.ImageRef;
import com.mcpportal.portal.cloud.ServerImage;
import com.mcpportal.portal.environment.update.ServerUpdate.Status;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the environment page says "update available": a higher version, or the same version built differently. A
 * SNAPSHOT built again from another commit is the same server when its jars are the same bytes.
 */
class ServerUpdatesTests {

    private static final String REPOSITORY = "123456789012.dkr.ecr.eu-central-1.amazonaws.com/mcp-c0ffee";

    @Test
    void aHigherVersionIsAnUpdateAndALowerOneIsNot() {
        assertThat(ServerUpdates.compare(carried("0.2.0", "aaaaaaa1", "build-2"), running("0.1.0", "aaaaaaa0",
                "build-1"))).isEqualTo(Status.NEWER_VERSION);
        assertThat(ServerUpdates.compare(carried("0.10.0", "aaaaaaa1", "build-2"), running("0.9.3", "aaaaaaa0",
                "build-1"))).as("by number, not by text").isEqualTo(Status.NEWER_VERSION);
        assertThat(ServerUpdates.compare(carried("0.2.0", "aaaaaaa1", "build-2"), running("0.2.0-SNAPSHOT",
                "aaaaaaa0", "build-1"))).as("the release after its snapshots").isEqualTo(Status.NEWER_VERSION);
        assertThat(ServerUpdates.compare(carried("0.1.0", "aaaaaaa0", "build-1"), running("0.2.0", "aaaaaaa1",
                "build-2"))).isEqualTo(Status.PORTAL_OLDER);
    }

    @Test
    void aSnapshotFromAnotherCommitCountsOnlyWhenItIsAnotherBuild() {
        assertThat(ServerUpdates.compare(carried("0.1.0-SNAPSHOT", "bbbbbbb2", "same-jars"),
                running("0.1.0-SNAPSHOT", "bbbbbbb1", "same-jars"))).as("only the commit differs")
                .isEqualTo(Status.UP_TO_DATE);
        assertThat(ServerUpdates.compare(carried("0.1.0-SNAPSHOT", "bbbbbbb2", "changed-jars"),
                running("0.1.0-SNAPSHOT", "bbbbbbb1", "old-jars"))).isEqualTo(Status.NEW_BUILD);
    }

    @Test
    void theSameReleaseOnANewerBaseImageIsANewBuild() {
        // The build covers the base image: the portal's releases move its digest for security patches.
        assertThat(ServerUpdates.compare(carried("0.2.0", "ccccccc1", "on-patched-base"), running("0.2.0", "ccccccc1",
                "on-old-base"))).isEqualTo(Status.NEW_BUILD);
    }

    @Test
    void anImageRecordedBeforeBuildsWereIsComparedByItsTag() {
        ImageRef recorded = new ImageRef(REPOSITORY + "@sha256:" + "0".repeat(64), REPOSITORY, "0.1.0-SNAPSHOT-tag-a",
                "sha256:" + "0".repeat(64), "0.1.0-SNAPSHOT", "ddddddd1", Architecture.ARM64);

        assertThat(ServerUpdates.compare(carried("0.1.0-SNAPSHOT", "ddddddd1", "x", "0.1.0-SNAPSHOT-tag-a"), recorded))
                .isEqualTo(Status.UP_TO_DATE);
        assertThat(ServerUpdates.compare(carried("0.1.0-SNAPSHOT", "ddddddd2", "x", "0.1.0-SNAPSHOT-tag-b"), recorded))
                .isEqualTo(Status.NEW_BUILD);
    }

    @Test
    void thePageSaysWhatIsAvailableInOneSentence() {
        ImageRef running = running("0.1.0-SNAPSHOT", "1111111aaaa", "old");
        assertThat(new ServerUpdate(Status.NEWER_VERSION, running("0.1.0", "1111111", "b"), "0.2.0", "2222222", null)
                .summary()).isEqualTo("MCP server 0.2.0 is available; this environment runs 0.1.0.");
        assertThat(new ServerUpdate(Status.NEW_BUILD, running, "0.1.0-SNAPSHOT", "2222222bbbb", null).summary())
                .isEqualTo("A new build of MCP server 0.1.0-SNAPSHOT is available (commit 2222222; this environment"
                        + " runs 1111111).");
        assertThat(new ServerUpdate(Status.NOT_APPLICABLE, null, "0.1.0", "2222222", null).summary()).isNull();
        assertThat(new ServerUpdate(Status.UP_TO_DATE, running, "0.1.0-SNAPSHOT", "1111111", null).available())
                .isFalse();
    }

    private static ServerImage carried(String version, String commit, String build) {
        return carried(version, commit, build, version + "-" + commit + "-arm64-" + build);
    }

    private static ServerImage carried(String version, String commit, String build, String tag) {
        return new ServerImage(version, commit, tag, "f".repeat(64), Architecture.ARM64, "base@sha256:" + "1".repeat(64),
                Path.of("mcp-server.jar"), List.of(), Map.of(), build);
    }

    private static ImageRef running(String version, String commit, String build) {
        String digest = "sha256:" + "0".repeat(64);
        return new ImageRef(REPOSITORY + "@" + digest, REPOSITORY, version + "-" + commit, digest, version, commit,
                Architecture.ARM64, build);
    }
}
