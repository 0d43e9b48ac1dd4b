package com.mcpportal.portal.cloud.simulated;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.ImagePublication;
import com.mcpportal.portal.cloud.ImageRef;
import com.mcpportal.portal.cloud.ImageRepository;
import com.mcpportal.portal.cloud.ServerImage;

import static com.mcpportal.portal.cloud.simulated.SimulatedCloudProvider.REPOSITORY;

/**
 * The images in a simulated ECR repository, kept in its row's attributes ({@code images}: tag to digest and
 * architecture, the last five, as the lifecycle policy keeps them). Publishing takes about as long as a real one:
 * {@value #FIRST_PUSH_STEPS} step delays when the repository has no image of that architecture yet (the base image's
 * layers go up too), {@value #UPDATE_PUSH_STEPS} when it has (only the server's own layers), none when the tag is
 * there already. Digests are the SHA-256 of the image's fingerprint, so they follow the carried jar, the base and the
 * architecture as real ones do. A team's own tag cannot be pushed to a simulated repository, so it counts as there,
 * with a digest made from its name.
 */
final class SimulatedRegistry {

    static final int FIRST_PUSH_STEPS = 6;
    static final int UPDATE_PUSH_STEPS = 2;
    private static final int KEPT_IMAGES = 5;

    private final SimulatedStore store;
    private final Consumer<Duration> pause;
    private final SimulatedSettings settings;

    SimulatedRegistry(SimulatedStore store, Consumer<Duration> pause, SimulatedSettings settings) {
        this.store = store;
        this.pause = pause;
        this.settings = settings;
    }

    ImagePublication publish(EnvironmentRef env, ImageRepository repository, ServerImage image) {
        SimulatedResource row = repositoryOf(env, repository, "publish-image");
        Map<String, Object> images = images(row);
        String uri = repository.uri();
        if (images.get(image.tag()) instanceof Map<?, ?> existing) {
            return new ImagePublication(ImageRef.published(uri, image.tag(), (String) existing.get("digest"), image),
                    false);
        }
        boolean architectureThere = images.values().stream().anyMatch(entry -> entry instanceof Map<?, ?> e
                && image.architecture().name().equals(e.get("architecture")));
        pause.accept(settings.stepDelay().multipliedBy(architectureThere ? UPDATE_PUSH_STEPS : FIRST_PUSH_STEPS));
        String digest = "sha256:" + sha256("simulated image " + image.fingerprint());
        images.put(image.tag(), SimulatedStore.attributes("digest", digest, "architecture",
                image.architecture().name(), "version", image.version()));
        while (images.size() > KEPT_IMAGES) {
            images.remove(images.keySet().iterator().next());
        }
        Map<String, Object> attributes = new LinkedHashMap<>(row.attributes());
        attributes.put("images", images);
        store.update(env, REPOSITORY, row.state(), attributes);
        return new ImagePublication(ImageRef.published(uri, image.tag(), digest, image), true);
    }

    ImageRef find(EnvironmentRef env, ImageRepository repository, String tag, Architecture architecture) {
        Map<String, Object> images = images(repositoryOf(env, repository, "find-image"));
        String digest = images.get(tag) instanceof Map<?, ?> published ? (String) published.get("digest")
                : "sha256:" + sha256("simulated own image " + repository.uri() + ":" + tag);
        return ImageRef.ownTag(repository.uri(), tag, digest, architecture);
    }

    /**
     * An image by digest: the simulated repository's own image with that digest, or, as a team's CI cannot push into a
     * simulated repository, any digest in the environment's repository. Another repository of the registry is not
     * simulated, so a digest there is refused as ECR refuses an unknown repository.
     */
    ImageRef findByDigest(EnvironmentRef env, ImageRepository repository, String digest, Architecture architecture) {
        SimulatedResource own = repositoryOf(env, repository, "find-image-by-digest");
        if (!own.text("uri").equals(repository.uri())) {
            throw new CloudException(CloudErrorKind.INVALID_REQUEST, "find-image-by-digest", "ecr",
                    "RepositoryNotFoundException", "The repository " + repository.uri() + " has no image " + digest
                            + " (The repository with name '" + repository.name() + "' does not exist in the registry)."
                            + " Push it first, then deploy its digest.", null);
        }
        String tag = images(own).entrySet().stream().filter(e -> e.getValue() instanceof Map<?, ?> image
                && digest.equals(image.get("digest"))).map(Map.Entry::getKey).findFirst().orElse(null);
        return ImageRef.ownDigest(repository.uri(), digest, tag, architecture);
    }

    private SimulatedResource repositoryOf(EnvironmentRef env, ImageRepository repository, String step) {
        return store.find(env, REPOSITORY).orElseThrow(() -> new CloudException(CloudErrorKind.NOT_FOUND, step,
                "ecr", "RepositoryNotFoundException", "The repository with name '" + repository.name()
                        + "' does not exist in the registry", null));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> images(SimulatedResource repository) {
        Object images = repository.attributes().get("images");
        return images instanceof Map<?, ?> map ? new LinkedHashMap<>((Map<String, Object>) map) : new LinkedHashMap<>();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
