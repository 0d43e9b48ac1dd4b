package com.mcpportal.portal.cloud;

/**
 * The image an environment's task runs, as provisioning recorded it: {@code reference} is what the task definition
 * names (by digest when the digest is known: {@code <repository>@sha256:…}). {@code version}, {@code commit} and
 * {@code build} are set when the portal published the image itself (the MCP server it carries), null for a team's own
 * tag or URI.
 *
 * @param repository where the image lives, e.g. {@code 123456789012.dkr.ecr.eu-central-1.amazonaws.com/mcp-42}
 * @param tag        the tag it was published or found under; null for a URI given without one
 * @param digest     {@code sha256:…} of its manifest; null when not known (a URI the portal does not check)
 * @param build      {@link ServerImage#build()} of the published server: what it is made of, whatever commit it names
 *                   (null for images recorded before builds were, and for a team's own)
 */
public record ImageRef(String reference, String repository, String tag, String digest, String version,
        String commit, Architecture architecture, String build) {

    /** An image recorded without a build (a team's own, or one recorded before builds were). */
    public ImageRef(String reference, String repository, String tag, String digest, String version, String commit,
            Architecture architecture) {
        this(reference, repository, tag, digest, version, commit, architecture, null);
    }

    /** The MCP server image the portal published: referenced by digest. */
    public static ImageRef published(String repository, String tag, String digest, ServerImage image) {
        return new ImageRef(repository + "@" + digest, repository, tag, digest, image.version(), image.commit(),
                image.architecture(), image.build());
    }

    /** A team's own tag in the environment's repository, found with its digest; the task names the tag. */
    public static ImageRef ownTag(String repository, String tag, String digest, Architecture architecture) {
        return new ImageRef(repository + ":" + tag, repository, tag, digest, null, null, architecture);
    }

    /** A team's own image found by its digest (a CI build); the task names the digest. {@code tag} may be null. */
    public static ImageRef ownDigest(String repository, String digest, String tag, Architecture architecture) {
        return new ImageRef(repository + "@" + digest, repository, tag, digest, null, null, architecture);
    }

    /** A team's own image URI, used as given. */
    public static ImageRef uri(String uri, Architecture architecture) {
        return new ImageRef(uri, null, null, null, null, null, architecture);
    }

    /** True for the MCP server image the portal published (its version and commit are known). */
    public boolean publishedByPortal() {
        return version != null;
    }
}
