package com.mcpportal.portal.cloud;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The MCP server image to publish: the server build this portal carries (its version, git commit, application jar
 * and libraries on disk) for one architecture, on a base image pinned by digest. {@code fingerprint} is the SHA-256
 * of everything the image is built from (base, architecture, jar, layout), and {@code tag} names the version, the
 * commit, the architecture and that fingerprint: an image under the tag is always this image, so with immutable tags
 * a publish finds it there and pushes nothing, and an environment that moves to the other architecture gets a tag
 * of its own. {@code labels} are the image's OCI annotations (version, revision, source, base). {@code build} is the
 * same SHA-256 without the commit: two builds of one version from different commits share it when their jars, base
 * and layout are the same (the server's jars are built reproducibly), which is how "a newer server" is told from
 * the same server built again. Built by {@code cloud.image.ServerImages}; the adapters only push it.
 */
public record ServerImage(String version, String commit, String tag, String fingerprint, Architecture architecture,
        String baseImage, Path applicationJar, List<Path> libraries, Map<String, String> labels, String build) {

    /** An image whose build is not known apart from its commit: its fingerprint stands in. */
    public ServerImage(String version, String commit, String tag, String fingerprint, Architecture architecture,
            String baseImage, Path applicationJar, List<Path> libraries, Map<String, String> labels) {
        this(version, commit, tag, fingerprint, architecture, baseImage, applicationJar, libraries, labels,
                fingerprint);
    }

    public ServerImage {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(baseImage, "baseImage");
        Objects.requireNonNull(applicationJar, "applicationJar");
        libraries = List.copyOf(libraries);
        labels = labels == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(labels));
        build = build == null ? fingerprint : build;
    }
}
