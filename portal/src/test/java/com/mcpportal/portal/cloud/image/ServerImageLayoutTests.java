package com.mcpportal.portal.cloud.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class ServerImageLayoutTests {

    /** The repository's root: tests run in portal/. */
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void thePublishedImageRunsTheServerWithTheDockerfilesJvmFlags() throws Exception {
        // given the flags deploy/mcp-server.Dockerfile runs the server with
        String dockerfile = Files.readString(ROOT.resolve("deploy/mcp-server.Dockerfile"));
        Matcher flags = Pattern.compile("(?m)^ENV JVM_FLAGS=\"([^\"]+)\"$").matcher(dockerfile);
        assertThat(flags.find()).as("the Dockerfile sets JVM_FLAGS").isTrue();

        // when the portal lays out the image it publishes
        // then its server starts with the very same flags
        assertThat(ServerImageLayout.environment()).containsEntry("JVM_FLAGS", flags.group(1));
        assertThat(ServerImageLayout.ENTRYPOINT.get(2)).contains("java $JVM_FLAGS ");
    }
}
