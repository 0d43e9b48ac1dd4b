package com.mcpportal.portal.cloud.image;

import java.net.URI;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code portal.images.*}: how the portal publishes the MCP server image (see {@code cloud/package-info.java}).
 *
 * @param baseImage         the JRE image the server runs on, pinned by digest ({@code name[:tag]@sha256:…}, the
 *                          multi-arch index, so each environment gets its own architecture's image). Default:
 *                          Eclipse Temurin 25 JRE on Ubuntu 24.04 ({@link #DEFAULT_BASE_IMAGE}); a private registry
 *                          or an ECR pull-through cache works the same way
 * @param baseImageUsername with {@code baseImagePassword}: credentials for the base image's registry. Without them
 *                          the portal uses the environment's ECR credentials when the base lives in that same
 *                          registry (a pull-through cache), else the Docker configuration file
 *                          ({@code $DOCKER_CONFIG/config.json}, credential helpers included), else none
 * @param registryOverride  push to this registry instead of the environment's ECR registry, e.g.
 *                          {@code http://127.0.0.1:5000} (tests, a local mirror); plain {@code http} (and TLS
 *                          without a verified certificate) is allowed only here. The ECR login is sent to it, as
 *                          {@code portal.aws.*}'s endpoint override receives the same signed calls, but never over
 *                          plain HTTP unless Jib's own {@code -DsendCredentialsOverHttp=true} is set
 * @param cacheDirectory    where the server this portal carries is unpacked and Jib keeps its layer caches
 *                          (base layers are pulled once per architecture); default {@code data/image-cache}
 */
@ConfigurationProperties("portal.images")
public record ImageSettings(String baseImage, String baseImageUsername, String baseImagePassword,
        URI registryOverride, Path cacheDirectory) {

    /**
     * {@code eclipse-temurin:25.0.4.1_1-jre-noble}, the multi-arch index digest. Java 25 is the current LTS (the
     * server's Java 17 bytecode runs on it unchanged; premier support to 2030), a JRE only (no compiler in the
     * image), Ubuntu 24.04 for bash (the health check) and security updates; Adoptium rebuilds it for OS patches,
     * so the portal's releases move this digest forward.
     */
    public static final String DEFAULT_BASE_IMAGE = "eclipse-temurin:25.0.4.1_1-jre-noble"
            + "@sha256:d9a39a23634650173f1e2bbc176227af9728587ecf0f4b62d53e9355cd7a19ab";

    private static final Pattern PINNED = Pattern.compile("[^@\\s]+@sha256:[0-9a-f]{64}");

    public ImageSettings {
        baseImage = baseImage == null || baseImage.isBlank() ? DEFAULT_BASE_IMAGE : baseImage.trim();
        if (!PINNED.matcher(baseImage).matches()) {
            // A tag alone can move: the same tag would then name another image under the same fingerprint.
            throw new IllegalArgumentException("portal.images.base-image must be pinned by digest"
                    + " (name[:tag]@sha256:<64 hex digits>), was '" + baseImage + "'");
        }
        baseImageUsername = blankToNull(baseImageUsername);
        baseImagePassword = blankToNull(baseImagePassword);
        if ((baseImageUsername == null) != (baseImagePassword == null)) {
            throw new IllegalArgumentException("portal.images.base-image-username and base-image-password go together");
        }
        if (registryOverride != null && (registryOverride.getHost() == null
                || !("http".equals(registryOverride.getScheme()) || "https".equals(registryOverride.getScheme()))
                || !(registryOverride.getPath() == null || registryOverride.getPath().isEmpty()
                        || registryOverride.getPath().equals("/")))) {
            throw new IllegalArgumentException("portal.images.registry-override must be http(s)://host[:port],"
                    + " was '" + registryOverride + "'");
        }
        cacheDirectory = cacheDirectory == null ? Path.of("data", "image-cache") : cacheDirectory;
    }

    /** Every default: Temurin 25 from Docker Hub, ECR as the registry, the cache under {@code data/}. */
    public static ImageSettings defaults() {
        return new ImageSettings(null, null, null, null, null);
    }

    /** The override's {@code host[:port]}, as image references name a registry; null without an override. */
    String overrideRegistry() {
        if (registryOverride == null) {
            return null;
        }
        return registryOverride.getPort() < 0 ? registryOverride.getHost()
                : registryOverride.getHost() + ":" + registryOverride.getPort();
    }

    /** Plain HTTP to the registry: only ever for an override written with {@code http://}. */
    boolean insecure() {
        return registryOverride != null && "http".equals(registryOverride.getScheme());
    }

    /** Never the password, should the settings end up in a log line. */
    @Override
    public String toString() {
        return "ImageSettings[" + baseImage + ", override " + registryOverride + ", cache " + cacheDirectory
                + (baseImageUsername == null ? "" : ", base credentials for " + baseImageUsername) + "]";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
