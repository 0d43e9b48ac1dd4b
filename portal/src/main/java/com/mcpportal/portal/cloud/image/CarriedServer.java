package com.mcpportal.portal.cloud.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The MCP server this portal build carries: the mcp-server module's {@code target/server-image} folder, copied by
 * the build into the portal's resources under {@code mcp-server/} (see portal/pom.xml). The jars are resources, never
 * classes on the portal's classpath; Jib needs them as files, so {@link #unpack} copies them to a folder named after
 * the build ({@code <cache>/server/<version>-<sha256 prefix>/}) and checks the application jar's SHA-256 against the
 * descriptor. The libraries are the ones the jar's {@code Class-Path} names, which is also how the JVM finds them.
 */
final class CarriedServer {

    static final String RESOURCES = "mcp-server/";
    static final String DESCRIPTOR = RESOURCES + "server-image.properties";
    static final String APPLICATION_JAR = "mcp-server.jar";
    private static final Pattern LIBRARY = Pattern.compile("libs/[A-Za-z0-9._-]+\\.jar");

    /** What {@code server-image.properties} says: version, git commit (or "unknown"), jar SHA-256, source URL. */
    record Descriptor(String version, String commit, String sha256, String source) {
    }

    /** The unpacked server: its application jar and the libraries its Class-Path names, in that order. */
    record Unpacked(Path applicationJar, List<Path> libraries) {
    }

    private final ClassLoader loader;

    CarriedServer(ClassLoader loader) {
        this.loader = loader;
    }

    /** The descriptor, or empty when this build carries no server (the portal built without its mcp-server module). */
    Optional<Descriptor> descriptor() {
        try (InputStream in = loader.getResourceAsStream(DESCRIPTOR)) {
            if (in == null) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "").trim();
            String sha256 = properties.getProperty("sha256", "").trim();
            if (version.isEmpty() || !sha256.matches("[0-9a-f]{64}")) {
                throw new IllegalStateException(DESCRIPTOR + " lacks a version or SHA-256: rebuild the portal");
            }
            return Optional.of(new Descriptor(version, properties.getProperty("commit", "unknown").trim(), sha256,
                    properties.getProperty("source", "").trim()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + DESCRIPTOR, e);
        }
    }

    /**
     * Copies the server into {@code cacheDirectory} (once per build: a complete earlier copy is reused) and returns
     * its files. Fails if the application jar's SHA-256 is not the descriptor's, or a library is missing.
     */
    synchronized Unpacked unpack(Descriptor descriptor, Path cacheDirectory) throws IOException {
        Path folder = cacheDirectory.resolve("server").resolve(descriptor.version().replaceAll("[^A-Za-z0-9._-]", "_")
                + "-" + descriptor.sha256().substring(0, 16));
        Path complete = folder.resolve(".complete");
        if (!Files.exists(complete)) {
            Path staging = folder.resolveSibling(folder.getFileName() + ".tmp");
            deleteRecursively(staging);
            Files.createDirectories(staging);
            String sha256 = copy(RESOURCES + APPLICATION_JAR, staging.resolve(APPLICATION_JAR));
            if (!sha256.equals(descriptor.sha256())) {
                throw new IllegalStateException("The carried " + APPLICATION_JAR + " has SHA-256 " + sha256
                        + ", its descriptor says " + descriptor.sha256() + ": the portal's build is damaged");
            }
            for (String library : classPath(staging.resolve(APPLICATION_JAR))) {
                copy(RESOURCES + library, staging.resolve(library));
            }
            Files.writeString(staging.resolve(".complete"), descriptor.sha256());
            deleteRecursively(folder);
            Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
        }
        Path jar = folder.resolve(APPLICATION_JAR);
        return new Unpacked(jar, classPath(jar).stream().map(folder::resolve).toList());
    }

    /** The {@code libs/…} entries of the jar's Class-Path, in order. */
    static List<String> classPath(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (classPath == null || classPath.isBlank()) {
                return List.of();
            }
            List<String> libraries = new ArrayList<>();
            for (String entry : Arrays.asList(classPath.trim().split("\\s+"))) {
                if (!LIBRARY.matcher(entry).matches()) {
                    throw new IllegalStateException("Unexpected Class-Path entry in " + APPLICATION_JAR + ": " + entry);
                }
                libraries.add(entry);
            }
            return libraries;
        }
    }

    private String copy(String resource, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The portal's build lacks " + resource + ": rebuild it with the"
                        + " mcp-server module (./mvnw -pl portal -am package)");
            }
            MessageDigest sha256 = sha256();
            try (DigestInputStream digesting = new DigestInputStream(in, sha256)) {
                Files.copy(digesting, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return HexFormat.of().formatHex(sha256.digest());
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
