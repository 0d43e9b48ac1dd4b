package com.mcpportal.portal.cloud;

/**
 * What publishing the server image did: the image, by digest, and whether anything was pushed ({@code false}: the
 * repository already had the image under its tag, so nothing was built or uploaded).
 */
public record ImagePublication(ImageRef image, boolean pushed) {
}
