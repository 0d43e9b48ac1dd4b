package com.mcpportal.portal.cloud;

import java.util.Objects;

/**
 * An environment's NAT instance against the latest AMI published for its architecture (the SSM parameter the NAT step
 * launches from), as {@link CloudProvider#natImageStatus} found it.
 *
 * @param nat       the NAT instance (the one the private route leads to, when more than one is alive)
 * @param current   the AMI it runs
 * @param latest    the latest AMI published for its architecture
 * @param instances how many NAT instances of the environment are alive: more than one only while a replacement is
 *                  under way or after one was interrupted
 */
public record NatImageStatus(NatInstance nat, MachineImage current, MachineImage latest, int instances) {

    public NatImageStatus {
        Objects.requireNonNull(nat, "nat");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(latest, "latest");
    }

    /** The NAT runs an older AMI than the latest published. */
    public boolean outdated() {
        return !current.imageId().equals(latest.imageId());
    }

    /** Outdated, or an interrupted replacement left a second instance: {@link CloudProvider#replaceNatInstance} fixes both. */
    public boolean needsReplacement() {
        return outdated() || instances > 1;
    }
}
