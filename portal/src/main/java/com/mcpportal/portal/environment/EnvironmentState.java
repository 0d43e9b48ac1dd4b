package com.mcpportal.portal.environment;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an environment is in its life, with every allowed move in one place:
 * <pre>
 * DRAFT ──► PROVISIONING ──► READY (power ON/OFF) ──► DEPROVISIONING ──► DELETED
 *   │            │  ▲          │  │                        │
 *   └─► DELETED  ▼  │          │  └─► PROVISIONING (apply)  ▼
 *              FAILED ◄────────┘ (a start or stop failed)  FAILED
 * </pre>
 * FAILED keeps the failing step and the cloud's message; from there the user retries (back to the state the
 * failed operation runs in), provisions again, or deprovisions.
 */
public enum EnvironmentState {
    DRAFT("Draft"),
    PROVISIONING("Provisioning"),
    READY("Ready"),
    DEPROVISIONING("Deprovisioning"),
    DELETED("Deleted"),
    FAILED("Failed");

    private final String label;

    EnvironmentState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The states this one may move to. Staying in the same state is always allowed (READY during start/stop). */
    public Set<EnvironmentState> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(PROVISIONING, DELETED);
            case PROVISIONING -> EnumSet.of(READY, FAILED);
            case READY -> EnumSet.of(PROVISIONING, DEPROVISIONING, FAILED);
            case DEPROVISIONING -> EnumSet.of(DELETED, FAILED);
            case FAILED -> EnumSet.of(PROVISIONING, READY, DEPROVISIONING);
            case DELETED -> EnumSet.noneOf(EnvironmentState.class);
        };
    }

    public boolean canMoveTo(EnvironmentState target) {
        return target == this || next().contains(target);
    }

    /** Whether cloud resources may exist in this state (everything but a draft and a deleted environment). */
    public boolean hasCloudResources() {
        return this != DRAFT && this != DELETED;
    }
}
