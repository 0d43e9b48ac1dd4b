package com.mcpportal.portal.cloud;

/** An environment's container image repository: its name and the URI to push to and pull from. */
public record ImageRepository(String name, String uri, String arn) {
}
