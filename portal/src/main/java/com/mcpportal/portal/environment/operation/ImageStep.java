package com.mcpportal.portal.environment.operation;

import com.mcpportal.portal.cloud.ImagePublication;
import com.mcpportal.portal.cloud.ImageRef;
import com.mcpportal.portal.cloud.ImageRepository;
import com.mcpportal.portal.cloud.ServerImage;
import com.mcpportal.portal.environment.CloudResources;
import com.mcpportal.portal.environment.EnvironmentSpec;
import com.mcpportal.portal.environment.ImageSource;
import com.mcpportal.portal.environment.PinnedImage;
import com.mcpportal.portal.environment.Release;

/**
 * The provisioning step between the repository and the task definition: it settles which image the task runs and
 * records it (reference, tag, digest, and the version when the portal published it). A server update's first step
 * ({@link #update}) settles it anew.
 *
 * <ul>
 * <li>The MCP server published by the portal: the server this portal carries, published for the environment's
 *     architecture, the first time or when the recorded image is for another architecture or repository. An image
 *     already recorded is kept, so editing other settings never changes the server version (updating the server is
 *     an operation of its own).
 * <li>A tag in the environment's repository: looked up (ECR {@code DescribeImages}), so a tag that is not there fails
 *     here, with a clear message, instead of a service that waits 15 minutes for a task that cannot pull.
 * <li>Any other URI: recorded as given; the portal cannot look into another registry for the task. A deployed build,
 *     which the settings name by the digest its deploy checked, is kept as recorded.
 * </ul>
 */
final class ImageStep {

    private ImageStep() {
    }

    static StepOutcome run(StepContext c) {
        EnvironmentSpec spec = c.spec();
        CloudResources r = c.resources();
        return switch (spec.imageSource()) {
            case PUBLISHED -> publish(c, ProvisionSteps.require(r.repository(), "image-repository"));
            case REPOSITORY -> {
                ImageRepository repository = ProvisionSteps.require(r.repository(), "image-repository");
                ImageRef found = c.cloud().findImage(c.ref(), repository, spec.imageTag(), spec.architecture());
                yield StepOutcome.of(r.withImage(found), "your tag " + spec.imageTag() + " is there: "
                        + found.digest());
            }
            case URI -> spec.imageUri().equals(r.image() == null ? null : r.image().reference())
                    ? StepOutcome.of(r, spec.imageUri() + " kept")
                    : StepOutcome.of(r.withImage(ImageRef.uri(spec.imageUri(), spec.architecture())),
                            spec.imageUri() + " (not checked: the task pulls it from its own registry)");
        };
    }

    /**
     * The first step of a server update: the image the environment's settings now name, found anew (the server this
     * portal carries published, a team's tag or CI build looked up in the registry), recorded with the image and
     * revision it replaces as the previous release (for "Roll back"). An image that is already the one running
     * changes nothing, so the later steps find nothing to do.
     */
    static StepOutcome update(StepContext c) {
        EnvironmentSpec spec = c.spec();
        CloudResources r = c.resources();
        ImageRepository repository = ProvisionSteps.require(r.repository(), "image-repository");
        String detail;
        ImageRef target;
        switch (spec.imageSource()) {
            case PUBLISHED -> {
                ImagePublication publication = c.cloud().publishImage(c.ref(), repository,
                        c.serverImages().forArchitecture(spec.architecture()));
                target = publication.image();
                detail = "MCP server " + target.version() + " " + (publication.pushed() ? "published" : "already there")
                        + " as " + target.tag() + ": " + target.digest();
            }
            case REPOSITORY -> {
                target = c.cloud().findImage(c.ref(), repository, spec.imageTag(), spec.architecture());
                detail = "your tag " + spec.imageTag() + " is there: " + target.digest();
            }
            case URI -> {
                PinnedImage pinned = PinnedImage.parse(spec.imageUri()).orElse(null);
                if (pinned != null && pinned.repository().equals(repository.uri())) {
                    target = c.cloud().findImageByDigest(c.ref(), repository, pinned.digest(), spec.architecture());
                    detail = "your image " + target.reference() + " is there";
                } else if (pinned != null) {
                    target = ImageRef.ownDigest(pinned.repository(), pinned.digest(), null, spec.architecture());
                    detail = target.reference() + " (not checked here: the task pulls it from its own repository)";
                } else {
                    target = ImageRef.uri(spec.imageUri(), spec.architecture());
                    detail = spec.imageUri() + " (not checked: the task pulls it from its own registry)";
                }
            }
            default -> throw new IllegalStateException("Unknown image source " + spec.imageSource());
        }
        ImageRef current = r.image();
        if (current != null && current.reference().equals(target.reference())) {
            return StepOutcome.of(r.withImage(target), detail + "; it already runs, nothing to update");
        }
        Release replaced = current == null ? null : new Release(current, r.taskDefinition());
        return StepOutcome.of(r.withImage(target).withPrevious(replaced), detail + (current == null ? ""
                : "; replaces " + describe(current)));
    }

    /** An image as a step line names it: the server's version and digest, or a team's image by its reference. */
    static String describe(ImageRef image) {
        return image.publishedByPortal() ? "MCP server " + image.version() + " (" + image.digest() + ")"
                : image.reference();
    }

    /** What the task definition names: the recorded image, or (operations begun before this step existed) the spec. */
    static String reference(StepContext c) {
        ImageRef image = c.resources().image();
        if (image == null && c.spec().imageSource() != ImageSource.PUBLISHED) {
            return c.spec().image(c.resources().repository());
        }
        return ProvisionSteps.require(image, "server-image").reference();
    }

    private static StepOutcome publish(StepContext c, ImageRepository repository) {
        ImageRef recorded = c.resources().image();
        if (recorded != null && recorded.publishedByPortal() && recorded.architecture() == c.spec().architecture()
                && recorded.repository().endsWith("/" + repository.name())) {
            return StepOutcome.of(c.resources(), "MCP server " + recorded.version() + " kept: " + recorded.digest());
        }
        ServerImage image = c.serverImages().forArchitecture(c.spec().architecture());
        ImagePublication publication = c.cloud().publishImage(c.ref(), repository, image);
        ImageRef published = publication.image();
        return StepOutcome.of(c.resources().withImage(published), "MCP server " + published.version() + " "
                + (publication.pushed() ? "published" : "already there") + " as " + published.tag() + ": "
                + published.digest());
    }
}
