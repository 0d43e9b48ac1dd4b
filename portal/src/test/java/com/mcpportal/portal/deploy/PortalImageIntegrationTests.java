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
 * build packaged gives exactly the layer folders the final stage copies, the jar the entry point runs has its
 * libraries beside it, the AOT cache is trained with the run's flags, the image runs as a non-root user with a
 * liveness health check, and the portal in it carries the MCP server.
 */
class PortalImageIntegrationTests {

    static final Path DOCKERFILE = Path.of("..", "deploy", "portal.Dockerfile");

    @Test
    void theLayersTheImageCopiesAreTheOnesTheJarExtractsTo(@TempDir Path work) throws Exception {
        String dockerfile = Files.readString(DOCKERFILE);
        // as the build stage does: the packaged jar copied to /portal.jar, then extracted
        Path jar = Files.copy(packagedJar(), work.resolve("portal.jar"));
        Path extracted = work.resolve("extracted");

        Process extract = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djarmode=tools", "-jar", jar.toString(), "extract", "--layers", "--destination",
                extracted.toString()).redirectErrorStream(true).start();
        String output = new String(extract.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(extract.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(extract.exitValue()).as(output).isZero();
        assertThat(dockerfile).contains("cp portal/target/portal-*.jar /portal.jar",
                "extract --layers --destination /extracted");

        List<String> copied = matches(dockerfile, "COPY --from=build /extracted/([a-z-]+)/ \\./");
        try (Stream<Path> layers = Files.list(extracted)) {
            assertThat(copied).containsExactlyInAnyOrderElementsOf(
                    layers.map(layer -> layer.getFileName().toString()).toList());
        }
        // The entry point and the AOT cache's training run both start /app/portal.jar: a plain jar whose manifest
        // puts the libraries in lib/ on the class path (an AOT cache cannot hold classes from nested jars).
        assertThat(matches(dockerfile, "-jar (/app/\\S+\\.jar)")).hasSize(2).containsOnly("/app/portal.jar");
        try (JarFile application = new JarFile(extracted.resolve("application/portal.jar").toFile())) {
            assertThat(application.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("com.mcpportal.portal.PortalApplication");
            String classPath = application.getManifest().getMainAttributes().getValue("Class-Path");
            assertThat(classPath.split(" ")).isNotEmpty().allSatisfy(library -> assertThat(
                    extracted.resolve("dependencies").resolve(library)).as(library).isRegularFile());
            assertThat(application.getEntry("db/migration/V1__quartz_tables.sql")).isNotNull();
        }
    }

    @Test
    void theImageTrainsItsAotCacheWithTheFlagsItRunsWith() throws IOException {
        String dockerfile = Files.readString(DOCKERFILE);
        String finalStage = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));

        assertThat(finalStage).contains("java $JVM_FLAGS -XX:MaxRAM=1g -XX:AOTCacheOutput=/tmp/portal.aot"
                + " -Dspring.context.exit=onRefresh", "PORTAL_EMBEDDED_POSTGRES_EPHEMERAL=true");
        assertThat(finalStage).containsPattern("ENTRYPOINT .*exec java \\$JVM_FLAGS .*-XX:AOTCache=/app/portal.aot");
        assertThat(finalStage.indexOf("USER portal")).as("trained as the unprivileged user (PostgreSQL refuses root)")
                .isLessThan(finalStage.indexOf("AOTCacheOutput"));
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

        assertThat(finalStage).contains("FROM eclipse-temurin:25-jre", "EXPOSE 8080")
                .as("the last USER is the unprivileged one").containsPattern("(?s)\nUSER portal\n(?!.*\nUSER )")
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
