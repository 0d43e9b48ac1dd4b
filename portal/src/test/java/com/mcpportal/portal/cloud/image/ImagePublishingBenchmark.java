package com.mcpportal.portal.cloud.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.ImagePublication;
import com.mcpportal.portal.cloud.ImageRepository;
import com.mcpportal.portal.cloud.ServerImage;

/**
 * Benchmark harness (not part of the build: the name ends in neither Tests nor IntegrationTests): what publishing the
 * MCP server image costs, in time and in bytes uploaded, against a real registry on loopback (Debian's
 * docker-registry, through the registry override). The base is a stand-in JRE as big as a real one (a jlink'ed
 * {@code java.se} runtime of the running JDK, one layer), in a second registry as Docker Hub would hold it, so its
 * layers are pulled into Jib's cache and pushed, as from Docker Hub to ECR. Rounds: the first publish with
 * an empty Jib cache; the same build again; a release that changed only the application jar; the same server into a
 * second repository (another environment); and that again with an empty cache (a portal without a kept cache). Bytes
 * are the sizes of the blobs whose upload the registry completed, read from its access log. Results: stdout and
 * target/benchmarks/image-publishing.txt; see portal/BENCHMARKS.md.
 * <pre>./mvnw -pl portal verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ImagePublishingBenchmark</pre>
 */
class ImagePublishingBenchmark {

    /** Where environments' images go (ECR's part). */
    @RegisterExtension
    static final DockerRegistry registry = DockerRegistry.plain();

    /** Where the base comes from (Docker Hub's part): another registry, so its layers are copied, never mounted. */
    @RegisterExtension
    static final DockerRegistry hub = DockerRegistry.plain();

    @TempDir
    Path work;

    private final List<String> lines = new ArrayList<>();

    @Test
    void publishFirstAgainAndAfterAnApplicationOnlyChange() throws Exception {
        String base = pushStandInJre();
        ServerImage image = new ServerImages(settings(base, work.resolve("cache"))).forArchitecture(Architecture.ARM64);
        ServerImage release = TestImages.withChangedApplication(image, work, "release2");

        round("1. first publish, empty Jib cache", base, work.resolve("cache"), image, "mcp-env1");
        round("2. the same build again", base, work.resolve("cache"), image, "mcp-env1");
        round("3. application jar changed", base, work.resolve("cache"), release, "mcp-env1");
        round("4. same server, another repository", base, work.resolve("cache"), image, "mcp-env2");
        round("5. another repository, empty Jib cache", base, work.resolve("cache-cold"), image, "mcp-env3");

        Path out = Path.of("target", "benchmarks", "image-publishing.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
    }

    private void round(String label, String base, Path cache, ServerImage image, String repository) {
        int before = registry.requests().size();
        long started = System.nanoTime();
        ImagePublication publication = new JibImagePublisher(settings(base, cache)).publish(image,
                new ImageRepository(repository, "123456789012.dkr.ecr.eu-central-1.amazonaws.com/" + repository,
                        "arn"), null);
        long millis = (System.nanoTime() - started) / 1_000_000;
        List<DockerRegistry.Request> calls = registry.requests().subList(before, registry.requests().size());
        List<String> uploaded = calls.stream().map(DockerRegistry.Request::uploadedDigest)
                .filter(digest -> digest != null).toList();
        long bytes = uploaded.stream().mapToLong(digest -> registry.blobSize(repository, digest)).sum();
        String line = String.format(Locale.ROOT, "%-42s %6d ms  %3d registry calls  %d blobs uploaded, %,d bytes;"
                + " pushed=%s", label, millis, calls.size(), uploaded.size(), bytes, publication.pushed());
        System.out.println(line);
        lines.add(line);
    }

    /** A jlink'ed java.se runtime of the running JDK as one layer, for linux/arm64 (it is never run). */
    private String pushStandInJre() throws Exception {
        Path runtime = work.resolve("jre");
        Process jlink = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jlink").toString(),
                "--add-modules", "java.se", "--no-header-files", "--no-man-pages", "--output", runtime.toString())
                .inheritIO().start();
        if (jlink.waitFor() != 0) {
            throw new IllegalStateException("jlink failed");
        }
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName("jre");
        try (Stream<Path> files = Files.walk(runtime)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                layer.addEntry(file, AbsoluteUnixPath.get("/opt/java/openjdk/" + runtime.relativize(file)));
            }
        }
        JibContainer base = Jib.fromScratch().setPlatforms(Set.of(new Platform("arm64", "linux")))
                .addFileEntriesLayer(layer.build())
                .setEnvironment(Map.of("JAVA_HOME", "/opt/java/openjdk", "PATH", "/opt/java/openjdk/bin:/usr/bin:/bin"))
                .setCreationTime(Instant.EPOCH).setFormat(ImageFormat.Docker)
                .containerize(Containerizer.to(RegistryImage.named(ImageReference.of(hub.host(), "base/jre",
                        "stand-in"))).setAllowInsecureRegistries(true)
                        .setBaseImageLayersCache(work.resolve("base-build-cache"))
                        .setApplicationLayersCache(work.resolve("base-build-cache")));
        String line = "stand-in base: " + size(runtime) / 1_000_000 + " MB of JRE files, "
                + hub.manifest("base/jre", "stand-in").json().at("/layers/0/size").asLong() / 1_000_000
                + " MB compressed";
        System.out.println(line);
        lines.add(line);
        return hub.host() + "/base/jre:stand-in@" + base.getDigest();
    }

    private static ImageSettings settings(String base, Path cache) {
        return new ImageSettings(base, null, null, registry.url(), cache);
    }

    private static long size(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }
}
