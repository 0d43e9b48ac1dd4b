package com.mcpportal.portal.environment;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image reference pinned by digest, {@code registry/path[:tag]@sha256:<64 hex>}, as a team's CI hands it to the
 * deploy endpoint: the repository ({@code registry/path}, any tag dropped, since the digest alone names the image) and
 * the digest. {@link #reference()} is what a task definition names.
 */
public record PinnedImage(String repository, String digest) {

    private static final Pattern PINNED = Pattern.compile("(?<repository>[a-z0-9]+([._-][a-z0-9]+)*(\\.[a-z0-9-]+)*"
            + "(:\\d{1,5})?(/[a-z0-9]+([._-]+[a-z0-9]+)*)+)(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?"
            + "@(?<digest>sha256:[a-f0-9]{64})");

    /** The reference pinned by digest, or empty when it is not one (a tag alone, a typo, another digest algorithm). */
    public static Optional<PinnedImage> parse(String reference) {
        if (reference == null || reference.length() > 512) {
            return Optional.empty();
        }
        Matcher matcher = PINNED.matcher(reference.trim());
        return matcher.matches() ? Optional.of(new PinnedImage(matcher.group("repository"), matcher.group("digest")))
                : Optional.empty();
    }

    /** {@code registry/path@sha256:…}. */
    public String reference() {
        return repository + "@" + digest;
    }

    /** The registry host, e.g. {@code 123456789012.dkr.ecr.eu-central-1.amazonaws.com}. */
    public String registry() {
        return repository.substring(0, repository.indexOf('/'));
    }

    /** The repository's path in its registry, e.g. {@code mcp-42} (an ECR repository name). */
    public String path() {
        return repository.substring(repository.indexOf('/') + 1);
    }

    /** Whether this image lives in the registry of {@code repositoryUri} (the same ECR account and region). */
    public boolean inRegistryOf(String repositoryUri) {
        int slash = repositoryUri.indexOf('/');
        return slash > 0 && registry().equals(repositoryUri.substring(0, slash).toLowerCase(Locale.ROOT));
    }
}
