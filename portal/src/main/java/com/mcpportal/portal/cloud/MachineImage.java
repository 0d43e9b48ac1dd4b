package com.mcpportal.portal.cloud;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * An AMI as EC2 describes it: its id, its name (e.g. {@code al2023-ami-minimal-2023.6.20250107.0-kernel-6.1-arm64})
 * and when it was created, which for Amazon's images is when it was published. Name and date are null when the cloud
 * does not say (an AMI deregistered since, or an answer without them).
 */
public record MachineImage(String imageId, String name, Instant createdAt) {

    public MachineImage {
        Objects.requireNonNull(imageId, "imageId");
    }

    /** Only the id is known. */
    public static MachineImage of(String imageId) {
        return new MachineImage(imageId, null, null);
    }

    /** {@code ami-0… (al2023-ami-minimal-…, published 2026-05-01)}, as much as is known. */
    public String describe() {
        String published = createdAt == null ? null : "published " + createdAt.atZone(ZoneOffset.UTC).toLocalDate();
        String about = name == null ? published : published == null ? name : name + ", " + published;
        return imageId + (about == null ? "" : " (" + about + ")");
    }
}
