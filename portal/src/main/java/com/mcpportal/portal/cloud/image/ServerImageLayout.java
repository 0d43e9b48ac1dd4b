package com.mcpportal.portal.cloud.image;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mcpportal.portal.cloud.Architecture;

/**
 * How the MCP server image is laid out: what {@code deploy/mcp-server.Dockerfile} does, in Jib's terms. Files under
 * {@code /app} owned by root and read-only, run as uid/gid 10001 (no passwd entry needed), the Dockerfile's JVM flags
 * in {@code JVM_FLAGS} (a task definition may override them), port 8080, and the same entry point: bash {@code exec}s
 * java, so java is PID 1 and gets ECS's SIGTERM itself (the server drains for up to 10 s).
 *
 * <p>Two differences, both because Jib never runs the image: no AOT cache (a cache must be made by the very JVM build
 * that will use it, by a training run inside the image; the JDK's own default CDS archive for its classes stays on;
 * mcp-server/BENCHMARKS.md has the start-up cost), and no {@code HEALTHCHECK}: jib-core has no API for
 * one (it only passes a base image's on, Docker format only), and ECS ignores an image's check anyway and runs the
 * task definition's {@code healthCheck}, which has the Dockerfile's command.
 *
 * <p>{@link #FORMAT_VERSION} is part of every image's fingerprint: change it with anything here, so a changed layout
 * gets new tags instead of reusing images built the old way.
 */
final class ServerImageLayout {

    static final String FORMAT_VERSION = "mcp-server-image/3";
    static final String APP = "/app";
    static final String APPLICATION_JAR = APP + "/mcp-server.jar";
    static final String LIBRARIES = APP + "/libs/";
    static final String USER = "10001:10001";
    static final int PORT = 8080;

    /** The Dockerfile's flags, to the letter (mcp-server/BENCHMARKS.md has the measurements behind each one). */
    static final String JVM_FLAGS = "-XX:+UseSerialGC -XX:MaxRAMPercentage=75 -XX:MinHeapFreeRatio=10"
            + " -XX:MaxHeapFreeRatio=30 -Xmn24m -XX:SurvivorRatio=2 -XX:TieredStopAtLevel=1 -Xss512k -XX:-UsePerfData"
            + " -XX:SweeperThreshold=50 -XX:+ExitOnOutOfMemoryError";

    /** {@code exec}: java replaces bash as PID 1. {@code "$@"}: arguments given to the container reach the server. */
    static final List<String> ENTRYPOINT = List.of("bash", "-c",
            "exec java $JVM_FLAGS -jar " + APPLICATION_JAR + " \"$@\"", "mcp-server");

    static final String LABEL_TITLE = "org.opencontainers.image.title";
    static final String LABEL_VERSION = "org.opencontainers.image.version";
    static final String LABEL_REVISION = "org.opencontainers.image.revision";
    static final String LABEL_SOURCE = "org.opencontainers.image.source";
    static final String LABEL_BASE_NAME = "org.opencontainers.image.base.name";
    static final String LABEL_BASE_DIGEST = "org.opencontainers.image.base.digest";

    private ServerImageLayout() {
    }

    /** The environment the server starts with (the base image's, such as JAVA_HOME and PATH, stay). */
    static Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("JVM_FLAGS", JVM_FLAGS);
        environment.put("PORT", String.valueOf(PORT));
        // The Dockerfile's user has /app as home; uid 10001 has no passwd entry here, so say it.
        environment.put("HOME", APP);
        return environment;
    }

    /** OCI annotations as labels: what the image is, from which commit and source, on which base. */
    static Map<String, String> labels(CarriedServer.Descriptor server, String baseImage) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(LABEL_TITLE, "mcp-server");
        labels.put(LABEL_VERSION, server.version());
        labels.put(LABEL_REVISION, server.commit());
        if (!server.source().isEmpty()) {
            labels.put(LABEL_SOURCE, server.source());
        }
        int at = baseImage.indexOf('@');
        labels.put(LABEL_BASE_NAME, baseImage.substring(0, at));
        labels.put(LABEL_BASE_DIGEST, baseImage.substring(at + 1));
        return labels;
    }

    /** {@code <version>-<commit>-<architecture>-<fingerprint>}: readable, and unique to what the image holds. */
    static String tag(CarriedServer.Descriptor server, Architecture architecture, String fingerprint) {
        String commit = server.commit().matches("[0-9a-f]{7,}") ? server.commit().substring(0, 7) : "nocommit";
        String tag = server.version() + "-" + commit + "-" + architecture.ociName() + "-" + fingerprint.substring(0, 12);
        tag = tag.replaceAll("[^A-Za-z0-9_.-]", "_");
        // A tag is at most 128 characters; keep the distinguishing end.
        return tag.length() > 128 ? tag.substring(tag.length() - 128) : tag;
    }

    /** The lines the fingerprint is the SHA-256 of: everything that decides the image's bytes. */
    static List<String> fingerprintInputs(CarriedServer.Descriptor server, Architecture architecture, String baseImage,
            Map<String, String> librarySha256s) {
        List<String> lines = new ArrayList<>();
        lines.add(FORMAT_VERSION);
        lines.add("base " + baseImage);
        lines.add("platform linux/" + architecture.ociName());
        lines.add("application " + server.sha256());
        librarySha256s.forEach((name, sha256) -> lines.add("library " + name + " " + sha256));
        lines.add("entrypoint " + ENTRYPOINT);
        lines.add("environment " + environment());
        lines.add("labels " + labels(server, baseImage));
        lines.add("user " + USER + ", port " + PORT + ", workdir " + APP);
        return lines;
    }
}
