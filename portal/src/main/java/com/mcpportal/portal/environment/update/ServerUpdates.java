package com.mcpportal.portal.environment.update;

import java.util.Objects;
import java.util.Optional;

import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.ImageRef;
import com.mcpportal.portal.cloud.ServerImage;
import com.mcpportal.portal.cloud.image.ServerImages;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.ImageSource;
import com.mcpportal.portal.environment.Release;

import org.springframework.stereotype.Component;

/**
 * Whether an environment that runs the MCP server the portal publishes runs the one this portal carries. A higher
 * version is an update ({@link ServerVersion}'s order). For the same version, the builds are compared: the SHA-256 of
 * what the image is made of without the commit ({@link ServerImage#build()}), so a SNAPSHOT built from another commit
 * counts only when its jars differ (the jars are reproducible: the same sources give the same bytes), and a release
 * on a newer base image (the portal's releases move its digest for security patches) counts too. Images recorded
 * before builds were are compared by tag, which names the commit.
 */
@Component
public class ServerUpdates {

    private final ServerImages serverImages;

    ServerUpdates(ServerImages serverImages) {
        this.serverImages = serverImages;
    }

    public ServerUpdate check(Environment environment) {
        Release previous = environment.resources().previous();
        ImageRef rollbackTo = previous == null ? null : previous.image();
        ImageRef running = environment.resources().image();
        Optional<ServerImage> carried = carried(environment.getArchitecture());
        if (environment.getImageSource() != ImageSource.PUBLISHED || running == null || !running.publishedByPortal()
                || carried.isEmpty()) {
            return new ServerUpdate(ServerUpdate.Status.NOT_APPLICABLE, running,
                    carried.map(ServerImage::version).orElse(null), carried.map(ServerImage::commit).orElse(null),
                    rollbackTo);
        }
        ServerImage server = carried.get();
        return new ServerUpdate(compare(server, running), running, server.version(), server.commit(), rollbackTo);
    }

    static ServerUpdate.Status compare(ServerImage carried, ImageRef running) {
        int byVersion = ServerVersion.parse(carried.version()).compareTo(ServerVersion.parse(running.version()));
        if (byVersion != 0) {
            return byVersion > 0 ? ServerUpdate.Status.NEWER_VERSION : ServerUpdate.Status.PORTAL_OLDER;
        }
        boolean same = running.build() != null ? running.build().equals(carried.build())
                : Objects.equals(running.tag(), carried.tag());
        return same ? ServerUpdate.Status.UP_TO_DATE : ServerUpdate.Status.NEW_BUILD;
    }

    /** The carried server for the architecture (unpacked on first use), or empty when this build carries none. */
    private Optional<ServerImage> carried(Architecture architecture) {
        if (serverImages.carriedVersion().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(serverImages.forArchitecture(architecture));
        } catch (CloudException unusable) {
            return Optional.empty();
        }
    }
}
