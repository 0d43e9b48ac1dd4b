package com.mcpportal.portal.environment.drift;

import java.time.Instant;

import com.mcpportal.portal.cloud.MachineImage;
import org.jspecify.annotations.Nullable;

/**
 * The latest NAT image check of an environment: the AMI its NAT instance runs against the latest one Amazon published
 * for its architecture, and how many NAT instances are alive.
 *
 * @param instanceId the NAT instance checked (the one the private route leads to)
 * @param instances  NAT instances alive; more than one only after an interrupted replacement
 */
public record NatImageFinding(long environmentId, Instant checkedAt, String instanceId, int instances,
        MachineImage current, MachineImage latest) {

    /** The NAT runs an older AMI than the latest published. */
    public boolean outdated() {
        return !current.imageId().equals(latest.imageId());
    }

    /** Outdated, or a leftover of an interrupted replacement: a Patch NAT operation puts both right. */
    public boolean needsPatch() {
        return outdated() || instances > 1;
    }

    /** What differs, as the drift finding says it; null when nothing does. */
    public @Nullable String difference() {
        if (outdated()) {
            return "the NAT instance runs AMI " + current.describe() + ", not the latest " + latest.describe();
        }
        return instances > 1 ? instances + " NAT instances are alive, left by an interrupted replacement" : null;
    }
}
