package com.mcpportal.portal.cloud.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.ImagePublication;
import com.mcpportal.portal.cloud.ImageRepository;
import com.mcpportal.portal.cloud.ServerImage;

import tools.jackson.databind.JsonNode;

/**
 * The CI path (deploy/ci/): mcp-server's {@code jib} profile, run as the GitHub Actions example runs it
 * ({@code ./mvnw -pl mcp-server -Pjib jib:build -Dimage=…}, here against a loopback registry with
 * {@code -Djib.allowInsecureRegistries=true}), builds the image the portal publishes: the same base, user, working
 * directory, entry point, JVM flags, port and labels, and the server's two layers byte for byte the same, so a CI
 * build and the portal's share their blobs in a repository. Runs Maven (about a minute; the first run downloads the
 * Jib plugin from Maven Central); skipped with one line without docker-registry.
 */
class ServerImageProfileIntegrationTests {

    @RegisterExtension
    static final DockerRegistry registry = DockerRegistry.plain();

    @TempDir
    Path work;

    @Test
    void theJibProfileBuildsTheImageThePortalPublishes() throws Exception {
        String base = TestImages.pushBase(registry, "base/jre", "25-ci", work, null, null);
        ImageSettings settings = new ImageSettings(base, null, null, registry.url(), work.resolve("cache"));
        ServerImage carried = new ServerImages(settings).forArchitecture(Architecture.ARM64);
        ImagePublication portal = new JibImagePublisher(settings).publish(carried, new ImageRepository("mcp-portal",
                registry.host() + "/mcp-portal", null), null);

        runMaven("-B", "-q", "-pl", "mcp-server", "-Pjib", "jib:build", "-Dimage=" + registry.host() + "/mcp-ci:ci-1",
                "-Djib.allowInsecureRegistries=true", "-Djib.base.name=" + base.substring(0, base.indexOf('@')),
                "-Djib.base.digest=" + base.substring(base.indexOf('@') + 1), "-Dserver.revision=" + carried.commit());

        DockerRegistry.Manifest ci = registry.manifest("mcp-ci", "ci-1");
        DockerRegistry.Manifest published = registry.manifest("mcp-portal", carried.tag());
        JsonNode ciConfig = registry.json("mcp-ci", ci.json().at("/config/digest").asString());
        JsonNode portalConfig = registry.json("mcp-portal", published.json().at("/config/digest").asString());
        assertThat(ciConfig.path("architecture").asString()).isEqualTo("arm64");
        for (String field : List.of("User", "WorkingDir", "Entrypoint", "ExposedPorts", "Labels")) {
            assertThat(ciConfig.at("/config/" + field)).as(field).isEqualTo(portalConfig.at("/config/" + field));
        }
        assertThat(ciConfig.at("/config/Env").valueStream().map(JsonNode::asString)).as("Env, in any order")
                .containsExactlyInAnyOrderElementsOf(portalConfig.at("/config/Env").valueStream()
                        .map(JsonNode::asString).toList());
        assertThat(ciConfig.at("/config/User").asString()).isEqualTo(ServerImageLayout.USER);
        assertThat(ciConfig.at("/config/Entrypoint").valueStream().map(JsonNode::asString).toList())
                .isEqualTo(ServerImageLayout.ENTRYPOINT);
        assertThat(ciConfig.at("/config/Env").valueStream().map(JsonNode::asString))
                .contains("JVM_FLAGS=" + ServerImageLayout.JVM_FLAGS);
        assertThat(ci.json().path("layers").valueStream().map(layer -> layer.path("digest").asString()).toList())
                .as("the base's layer, then the server's libraries and jar, the same blobs as the portal's")
                .isEqualTo(published.json().path("layers").valueStream().map(layer -> layer.path("digest")
                        .asString()).toList());
        assertThat(portal.pushed()).isTrue();
    }

    /** Runs the repository's Maven wrapper with the test's own JDK; skips when the Jib plugin cannot be had. */
    private void runMaven(String... arguments) throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        Path mvnw = root.resolve("mvnw");
        Assumptions.assumeTrue(Files.isExecutable(mvnw), "no Maven wrapper at " + mvnw + ": CI image build skipped");
        Path log = work.resolve("maven.log");
        List<String> command = new java.util.ArrayList<>(List.of(mvnw.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // A short-lived Maven: the quick JIT alone and one GC thread cost less CPU than the defaults.
        builder.environment().put("MAVEN_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        Process maven = builder.start();
        if (!maven.waitFor(10, TimeUnit.MINUTES)) {
            maven.destroyForcibly();
            fail("Maven did not finish in 10 minutes:\n" + Files.readString(log));
        }
        String output = Files.readString(log);
        Assumptions.assumeFalse(maven.exitValue() != 0 && output.contains("jib-maven-plugin")
                && output.contains("resolve"), "the Jib Maven plugin is not in the local repository and Maven Central"
                + " cannot be reached: CI image build skipped");
        assertThat(maven.exitValue()).as("./mvnw %s%n%s", String.join(" ", arguments), output).isZero();
    }
}
