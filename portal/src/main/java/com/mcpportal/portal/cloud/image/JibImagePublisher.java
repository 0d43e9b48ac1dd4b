package com.mcpportal.portal.cloud.image;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Platform;
import com.google.cloud.tools.jib.api.buildplan.Port;
import com.google.cloud.tools.jib.frontend.CredentialRetrieverFactory;
import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.ImagePublication;
import com.mcpportal.portal.cloud.ImageRef;
import com.mcpportal.portal.cloud.ImageRepository;
import com.mcpportal.portal.cloud.ServerImage;

/**
 * Publishes a {@link ServerImage} into a registry with Jib's Java library, without Docker: the base image's layers
 * (pulled for the one architecture, and only when the target registry lacks them), then two layers of the server's
 * own: its dependencies, which stay the same from release to release, and the small application jar. Jib skips every
 * layer the registry already has, so after the first publish an application-only release uploads only the jar.
 *
 * <p>First it asks the registry for the image's tag (see {@link ServerImage}): an image already there is this image,
 * and is returned by its digest with nothing pushed. Builds are reproducible (fixed file and creation times, reproducible
 * jars), so publishing the same server twice gives the same digest either way. Where the image goes: the repository's
 * registry, or {@code portal.images.registry-override}.
 */
public class JibImagePublisher {

    private static final Logger log = LoggerFactory.getLogger(JibImagePublisher.class);
    private static final FilePermissions READ_ONLY = FilePermissions.fromOctalString("444");

    private final ImageSettings settings;
    private final RegistryManifests manifests = new RegistryManifests();

    public JibImagePublisher(ImageSettings settings) {
        this.settings = settings;
    }

    /**
     * Publishes the image into {@code repository} (its URI names registry and path) unless its tag is there already.
     *
     * @param login the target registry's credentials (ECR's token), or null for a registry that needs none
     */
    public ImagePublication publish(ServerImage image, ImageRepository repository, RegistryLogin login) {
        String uri = repository.uri();
        int slash = uri.indexOf('/');
        if (slash < 1) {
            throw new CloudException(CloudErrorKind.INVALID_REQUEST, null, RegistryErrors.SERVICE, null,
                    "Not a repository URI: " + uri, null);
        }
        String registry = settings.overrideRegistry() != null ? settings.overrideRegistry() : uri.substring(0, slash);
        String path = uri.substring(slash + 1);
        String target = registry + "/" + path + ":" + image.tag();

        Optional<String> existing = manifests.digest(registry, path, image.tag(), login, settings.insecure());
        if (existing.isPresent()) {
            log.info("{} is already published as {}: nothing to push", target, existing.get());
            return new ImagePublication(ImageRef.published(registry + "/" + path, image.tag(), existing.get(), image),
                    false);
        }
        ImageReference base = parse(image.baseImage());
        String baseRepository = base.getRegistry() + "/" + base.getRepository();
        try {
            long started = System.nanoTime();
            JibContainer container = build(image, base, registry, login).containerize(containerizer(
                    ImageReference.of(registry, path, image.tag()), login));
            String digest = container.getDigest().toString();
            log.info("Published {} as {} in {} ms", target, digest, (System.nanoTime() - started) / 1_000_000);
            return new ImagePublication(ImageRef.published(registry + "/" + path, image.tag(), digest, image), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CloudException(CloudErrorKind.TIMEOUT, null, RegistryErrors.SERVICE, null,
                    "Interrupted while publishing " + target, e);
        } catch (ExecutionException | IOException | RuntimeException | RegistryException
                | CacheDirectoryCreationException e) {
            if (e instanceof CloudException cloud) {
                throw cloud;
            }
            throw RegistryErrors.translate(e, image.baseImage(), baseRepository, target);
        }
    }

    private JibContainerBuilder build(ServerImage image, ImageReference base, String targetRegistry,
            RegistryLogin login) {
        RegistryImage baseImage = RegistryImage.named(base);
        if (settings.baseImageUsername() != null) {
            baseImage.addCredential(settings.baseImageUsername(), settings.baseImagePassword());
        } else if (login != null && base.getRegistry().equals(targetRegistry)) {
            // An ECR pull-through cache in the environment's own registry: the same token reads it.
            baseImage.addCredential(login.username(), login.password());
        } else {
            baseImage.addCredentialRetriever(CredentialRetrieverFactory.forImage(base, JibImagePublisher::log)
                    .dockerConfig());
        }
        FileEntriesLayer.Builder dependencies = FileEntriesLayer.builder().setName("dependencies");
        for (Path library : image.libraries()) {
            dependencies.addEntry(library, AbsoluteUnixPath.get(ServerImageLayout.LIBRARIES + library.getFileName()),
                    READ_ONLY);
        }
        FileEntriesLayer application = FileEntriesLayer.builder().setName("application")
                .addEntry(image.applicationJar(), AbsoluteUnixPath.get(ServerImageLayout.APPLICATION_JAR), READ_ONLY)
                .build();
        return Jib.from(baseImage)
                .setPlatforms(Set.of(new Platform(image.architecture().ociName(), "linux")))
                .setFileEntriesLayers(List.of(dependencies.build(), application))
                .setEntrypoint(ServerImageLayout.ENTRYPOINT)
                .setEnvironment(ServerImageLayout.environment())
                .setExposedPorts(Set.of(Port.tcp(ServerImageLayout.PORT)))
                .setLabels(image.labels())
                .setUser(ServerImageLayout.USER)
                .setWorkingDirectory(AbsoluteUnixPath.get(ServerImageLayout.APP))
                .setCreationTime(Instant.EPOCH)
                .setFormat(ImageFormat.Docker);
    }

    private Containerizer containerizer(ImageReference target, RegistryLogin login) {
        RegistryImage targetImage = RegistryImage.named(target);
        if (login != null) {
            targetImage.addCredential(login.username(), login.password());
        }
        Path cache = settings.cacheDirectory().toAbsolutePath();
        // The tool name and version go into the image's history, so they stay fixed for reproducible digests.
        return Containerizer.to(targetImage)
                .setAllowInsecureRegistries(settings.insecure())
                .setBaseImageLayersCache(cache.resolve("jib-base"))
                .setApplicationLayersCache(cache.resolve("jib-application"))
                .setToolName("mcp-portal")
                .setToolVersion(ServerImageLayout.FORMAT_VERSION)
                .addEventHandler(LogEvent.class, JibImagePublisher::log);
    }

    private static ImageReference parse(String reference) {
        try {
            return ImageReference.parse(reference);
        } catch (InvalidImageReferenceException e) {
            throw new CloudException(CloudErrorKind.INVALID_REQUEST, null, RegistryErrors.SERVICE, null,
                    "portal.images.base-image is not an image reference: " + reference, e);
        }
    }

    private static void log(LogEvent event) {
        switch (event.getLevel()) {
            case ERROR -> log.warn("jib: {}", event.getMessage());
            case WARN -> log.info("jib: {}", event.getMessage());
            default -> log.debug("jib: {}", event.getMessage());
        }
    }
}
