package com.mcpportal.portal.environment.operation;

import java.util.EnumSet;
import java.util.Set;

import com.mcpportal.portal.environment.EnvironmentPower;
import com.mcpportal.portal.environment.EnvironmentState;

/** What an operation does, from which environment states it may start, and where it leaves the environment. */
public enum OperationKind {
    /** Creates (or, on a ready environment, updates) every resource; ends with the service running. */
    PROVISION("Provision", "provision", "provisioned", EnumSet.of(EnvironmentState.DRAFT, EnvironmentState.READY,
            EnvironmentState.FAILED), EnvironmentState.PROVISIONING, EnvironmentState.READY),
    /** NAT instance running, then the service at one healthy task. */
    START("Start", "start", "started", EnumSet.of(EnvironmentState.READY), EnvironmentState.READY,
            EnvironmentState.READY),
    /** Service at zero tasks (drained), then the NAT instance stopped. */
    STOP("Stop", "stop", "stopped", EnumSet.of(EnvironmentState.READY), EnvironmentState.READY,
            EnvironmentState.READY),
    /**
     * A new server (the one this portal carries, or a team's build given by digest) published or checked, a new task
     * definition revision, and the service rolled over to it without downtime, or, when the environment is off, just
     * given it for the next start. The image and revision it replaces are kept for {@link #ROLL_BACK}.
     */
    UPDATE_SERVER("Update server", "update-server", "server-updated", EnumSet.of(EnvironmentState.READY),
            EnvironmentState.READY, EnvironmentState.READY),
    /** Back to the image and revision that ran before the last update, rolled out the same way. */
    ROLL_BACK("Roll back", "roll-back", "rolled-back", EnumSet.of(EnvironmentState.READY, EnvironmentState.FAILED),
            EnvironmentState.READY, EnvironmentState.READY),
    /** Deletes everything in reverse order and checks that nothing tagged with the environment remains. */
    DEPROVISION("Deprovision", "deprovision", "deprovisioned", EnumSet.of(EnvironmentState.READY,
            EnvironmentState.FAILED), EnvironmentState.DEPROVISIONING, EnvironmentState.DELETED),
    /**
     * Replaces the NAT instance from the latest Amazon Linux AMI when it runs an older one, and leaves it as the
     * environment's power has it (stopped when off); the power itself does not change.
     */
    PATCH_NAT("Patch NAT", "patch-nat", "nat-patched", EnumSet.of(EnvironmentState.READY), EnvironmentState.READY,
            EnvironmentState.READY),
    /**
     * Moves the environment between its own network and a shared one (either way): its part of the new network made
     * (and that network's NAT running) first, then the service and its ingress moved over in one new deployment, the
     * short interruption people are told of, then what it had in the old network deleted. The power does not change.
     */
    MOVE_NETWORK("Move network", "move-network", "network-moved", EnumSet.of(EnvironmentState.READY),
            EnvironmentState.READY, EnvironmentState.READY);

    private final String label;
    private final String verb;
    private final String pastTense;
    private final Set<EnvironmentState> allowedFrom;
    private final EnvironmentState runningState;
    private final EnvironmentState successState;

    OperationKind(String label, String verb, String pastTense, Set<EnvironmentState> allowedFrom,
            EnvironmentState runningState, EnvironmentState successState) {
        this.label = label;
        this.verb = verb;
        this.pastTense = pastTense;
        this.allowedFrom = allowedFrom;
        this.runningState = runningState;
        this.successState = successState;
    }

    public String label() {
        return label;
    }

    /** {@code start}, as in the audit actions {@code environment.start.requested}, {@code environment.start.failed}. */
    public String verb() {
        return verb;
    }

    /** {@code started}, as in the audit action {@code environment.started}. */
    public String pastTense() {
        return pastTense;
    }

    public boolean allowedFrom(EnvironmentState state) {
        return allowedFrom.contains(state);
    }

    /** The environment's state while this operation runs. */
    public EnvironmentState runningState() {
        return runningState;
    }

    /** The environment's state when this operation has succeeded. */
    public EnvironmentState successState() {
        return successState;
    }

    /** The power state after success, or {@code current} when this operation does not change it. */
    EnvironmentPower powerAfter(EnvironmentPower current) {
        return switch (this) {
            case PROVISION -> current == null ? EnvironmentPower.ON : current;
            case START -> EnvironmentPower.ON;
            case STOP -> EnvironmentPower.OFF;
            case UPDATE_SERVER, ROLL_BACK -> current;
            case DEPROVISION -> null;
            case PATCH_NAT, MOVE_NETWORK -> current;
        };
    }

    /**
     * Whether the operation leaves the power as it found it and nobody asked for it to change the power: once it has
     * ended, the scheduler decides on the operation before it (a person's start or stop still holds, also across a
     * server update, a NAT patch or a network move).
     */
    public boolean keepsPower() {
        return this == UPDATE_SERVER || this == ROLL_BACK || this == PATCH_NAT || this == MOVE_NETWORK;
    }
}
