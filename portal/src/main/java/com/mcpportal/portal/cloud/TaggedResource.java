package com.mcpportal.portal.cloud;

/** A resource that still carries an environment's id tag: its ARN and service, e.g. {@code ec2}. */
public record TaggedResource(String arn, String service) {

    /** Reads the service from an ARN ({@code arn:partition:service:region:account:resource}). */
    public static TaggedResource of(String arn) {
        String[] parts = arn.split(":", 6);
        return new TaggedResource(arn, parts.length > 2 ? parts[2] : "");
    }
}
