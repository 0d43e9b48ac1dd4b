package com.mcpportal.portal.cloud.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import com.mcpportal.portal.cloud.ServerImage;

/** Images for registry tests: a small multi-architecture base, and the carried server with its jar changed. */
public final class TestImages {

    private TestImages() {
    }

    /**
     * Pushes a small stand-in for a JRE base image, built with Jib from scratch for linux/arm64 and linux/amd64 (an
     * index, as Docker Hub serves Temurin), and returns it as the portal's setting wants it: pinned by digest.
     */
    public static String pushBase(DockerRegistry registry, String repository, String tag, Path work, String login,
            String password) throws Exception {
        Path release = Files.writeString(work.resolve("release"), "JAVA_VERSION=\"25.0.3\"\n");
        Path java = Files.writeString(work.resolve("java"), "#!/bin/sh\necho stand-in JRE\n");
        RegistryImage target = RegistryImage.named(ImageReference.of(registry.host(), repository, tag));
        if (login != null) {
            target.addCredential(login, password);
        }
        JibContainer base = Jib.fromScratch()
                .setPlatforms(Set.of(new Platform("arm64", "linux"), new Platform("amd64", "linux")))
                .addFileEntriesLayer(FileEntriesLayer.builder().setName("jre")
                        .addEntry(release, AbsoluteUnixPath.get("/opt/java/openjdk/release"))
                        .addEntry(java, AbsoluteUnixPath.get("/opt/java/openjdk/bin/java")).build())
                .setEnvironment(Map.of("JAVA_HOME", "/opt/java/openjdk", "PATH", "/opt/java/openjdk/bin:/usr/bin:/bin"))
                .setCreationTime(Instant.EPOCH)
                .setFormat(ImageFormat.Docker)
                .containerize(Containerizer.to(target).setAllowInsecureRegistries(true)
                        .setBaseImageLayersCache(work.resolve("base-cache"))
                        .setApplicationLayersCache(work.resolve("app-cache")));
        return registry.host() + "/" + repository + ":" + tag + "@" + base.getDigest();
    }

    /** The same server with one more file in its application jar: a release that changed only the application. */
    static ServerImage withChangedApplication(ServerImage image, Path work, String change) throws IOException {
        Path jar = work.resolve("mcp-server-" + change + ".jar");
        try (JarInputStream in = new JarInputStream(Files.newInputStream(image.applicationJar()));
                OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, in.getManifest())) {
            for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                out.putNextEntry(new JarEntry(entry.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("release-note.txt"));
            out.write(change.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        Map<String, String> labels = new LinkedHashMap<>(image.labels());
        return new ServerImage(image.version(), image.commit(), image.tag() + "-" + change,
                image.fingerprint().substring(0, 56) + sha8(jar), image.architecture(), image.baseImage(), jar,
                image.libraries(), labels);
    }

    /** The same image under another tag (a test of its own in a shared registry). */
    static ServerImage rename(ServerImage image, String suffix) {
        return new ServerImage(image.version(), image.commit(), image.tag() + "-" + suffix, image.fingerprint(),
                image.architecture(), image.baseImage(), image.applicationJar(), image.libraries(), image.labels());
    }

    private static String sha8(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return java.util.HexFormat.of().formatHex(CarriedServer.sha256().digest(in.readAllBytes()), 0, 4);
        }
    }
}
