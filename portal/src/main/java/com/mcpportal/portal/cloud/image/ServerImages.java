package com.mcpportal.portal.cloud.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.ServerImage;

/**
 * The MCP server this portal carries, as images to publish: which version it is (for the environment form), and for
 * an architecture the {@link ServerImage} the provisioning step hands to the cloud (files unpacked on first use,
 * fingerprint and tag computed once per architecture).
 */
public class ServerImages {

    private static final Logger log = LoggerFactory.getLogger(ServerImages.class);

    private final CarriedServer carried;
    private final ImageSettings settings;
    private final Map<Architecture, ServerImage> images = new ConcurrentHashMap<>();

    public ServerImages(ImageSettings settings) {
        this(new CarriedServer(ServerImages.class.getClassLoader()), settings);
    }

    ServerImages(CarriedServer carried, ImageSettings settings) {
        this.carried = carried;
        this.settings = settings;
    }

    /** The version of the server this portal carries, e.g. {@code 0.1.0}; empty when the build carries none. */
    public Optional<String> carriedVersion() {
        return carried.descriptor().map(CarriedServer.Descriptor::version);
    }

    /** The carried server as an image for {@code architecture}; a {@link CloudException} if it cannot be had. */
    public ServerImage forArchitecture(Architecture architecture) {
        ServerImage image = images.get(architecture);
        // Built once; again only if someone cleared the cache folder under a running portal.
        if (image == null || !Files.isRegularFile(image.applicationJar())) {
            image = build(architecture);
            images.put(architecture, image);
        }
        return image;
    }

    private ServerImage build(Architecture architecture) {
        CarriedServer.Descriptor server = carried.descriptor().orElseThrow(() -> new CloudException(
                CloudErrorKind.INVALID_REQUEST, null, "portal", "NoServerCarried", "This portal build carries no MCP"
                        + " server image (it was built without the mcp-server module: ./mvnw -pl portal -am package)."
                        + " Choose your own image for the environment, or run a complete portal build.", null));
        CarriedServer.Unpacked files;
        Map<String, String> librarySha256s = new LinkedHashMap<>();
        try {
            files = carried.unpack(server, settings.cacheDirectory());
            for (Path library : files.libraries()) {
                librarySha256s.put(library.getFileName().toString(), sha256(library));
            }
        } catch (IOException | RuntimeException e) {
            throw new CloudException(CloudErrorKind.FAILED, null, "portal", "ServerUnpackFailed",
                    "Cannot unpack the MCP server into " + settings.cacheDirectory().toAbsolutePath() + " ("
                            + e.getMessage() + "); check portal.images.cache-directory is writable.", e);
        }
        String fingerprint = fingerprint(server, architecture, librarySha256s);
        // The same inputs with no commit: a rebuild from another commit with the same jars has the same build.
        String build = fingerprint(new CarriedServer.Descriptor(server.version(), "", server.sha256(),
                server.source()), architecture, librarySha256s);
        ServerImage image = new ServerImage(server.version(), server.commit(),
                ServerImageLayout.tag(server, architecture, fingerprint), fingerprint, architecture,
                settings.baseImage(), files.applicationJar(), files.libraries(),
                ServerImageLayout.labels(server, settings.baseImage()), build);
        log.info("MCP server {} (commit {}) ready to publish for {} as tag {}", server.version(), server.commit(),
                architecture, image.tag());
        return image;
    }

    private String fingerprint(CarriedServer.Descriptor server, Architecture architecture,
            Map<String, String> librarySha256s) {
        MessageDigest digest = CarriedServer.sha256();
        for (String line : ServerImageLayout.fingerprintInputs(server, architecture, settings.baseImage(),
                librarySha256s)) {
            digest.update((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest = CarriedServer.sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
