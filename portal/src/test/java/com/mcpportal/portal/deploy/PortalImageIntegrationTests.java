package com.mcpportal.portal.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy/portal.Dockerfile} checked without a Docker engine: its extraction command run on the jar this
 * build packaged gives exactly the layer folders the final stage copies, the entry point class is in them, the
 * image runs as a non-root user with a liveness health check, and the portal in it carries the MCP server.
 */
class PortalImageIntegrationTests {

    static final Path DOCKERFILE = Path.of("..", "deploy", "portal.Dockerfile");

    @Test
    void theLayersTheImageCopiesAreTheOnesTheJarExtractsTo(@TempDir Path work) throws Exception {
        String dockerfile = Files.readString(DOCKERFILE);
        Path jar = packagedJar();
        Path extracted = work.resolve("extracted");

        Process extract = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djarmode=tools", "-jar", jar.toString(), "extract", "--layers", "--launcher", "--destination",
                extracted.toString()).redirectErrorStream(true).start();
        String output = new String(extract.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(extract.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(extract.exitValue()).as(output).isZero();
        assertThat(dockerfile).contains("extract --layers --launcher --destination /extracted");

        List<String> copied = matches(dockerfile, "COPY --from=build /extracted/([a-z-]+)/ \\./");
        try (Stream<Path> layers = Files.list(extracted)) {
            assertThat(copied).containsExactlyInAnyOrderElementsOf(
                    layers.map(layer -> layer.getFileName().toString()).toList());
        }
        String launcher = matches(dockerfile, "ENTRYPOINT \\[\"java\",[^]]*\"([A-Za-z.]+)\"]").get(0);
        assertThat(extracted.resolve("spring-boot-loader").resolve(launcher.replace('.', '/') + ".class"))
                .isRegularFile();
        assertThat(extracted.resolve("application/BOOT-INF/classes/db/migration")).isDirectory();
    }

    @Test
    void thePackagedPortalCarriesTheMcpServerAsFilesAndNoneOfItsClasses() throws IOException {
        try (JarFile jar = new JarFile(packagedJar().toFile())) {
            List<String> entries = jar.stream().map(JarEntry::getName).toList();

            assertThat(entries).contains("BOOT-INF/classes/mcp-server/server-image.properties",
                    "BOOT-INF/classes/mcp-server/mcp-server.jar")
                    .anyMatch(entry -> entry.matches("BOOT-INF/classes/mcp-server/libs/tomcat-embed-core-.*\\.jar"));
            assertThat(entries).as("the server's code on the portal's classpath")
                    .noneMatch(entry -> entry.contains("com/mcpportal/mcpserver/"))
                    .noneMatch(entry -> entry.matches("BOOT-INF/lib/mcp-server.*"));
        }
        String dockerfile = Files.readString(DOCKERFILE);
        assertThat(dockerfile).as("the image's build has the server's sources and builds it first")
                .contains("COPY mcp-server/src/main mcp-server/src/main")
                .contains("./mvnw -q -B -pl mcp-server,portal package -DskipTests");
    }

    @Test
    void theImageRunsAsANonRootUserWithALivenessCheck() throws IOException {
        String dockerfile = Files.readString(DOCKERFILE);
        String finalStage = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));

        assertThat(finalStage).contains("FROM eclipse-temurin:17-jre", "USER portal", "EXPOSE 8080")
                .containsPattern("HEALTHCHECK .*\\n\\s+CMD curl -fsS \"http://localhost:\\$\\{SERVER_PORT}"
                        + "/actuator/health/liveness\"");
        assertThat(matches(dockerfile, "(?m)^FROM (\\S+)")).hasSize(2);
    }

    private static Path packagedJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("portal-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no packaged portal jar in target/ (runs after package)"));
        }
    }

    private static List<String> matches(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        List<String> found = new java.util.ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
