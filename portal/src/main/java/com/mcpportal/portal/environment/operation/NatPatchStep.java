package com.mcpportal.portal.environment.operation;

import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.NatImageStatus;
import com.mcpportal.portal.cloud.NatInstance;
import com.mcpportal.portal.cloud.NatState;
import com.mcpportal.portal.environment.CloudResources;
import com.mcpportal.portal.environment.EnvironmentPower;

/**
 * Keeps the NAT instance on the latest Amazon Linux AMI: when it runs an older one (or an interrupted replacement
 * left a second instance), it is replaced ({@code CloudProvider.replaceNatInstance}), and the replacement is audited
 * as {@code environment.nat.replaced} with the old and new instance and AMI, on behalf of whoever asked for the
 * operation ({@code system} for the off-hours check, a person or the scheduler for a start). The old instance is
 * taken from the environment's record, which only this step's result changes, so a step that runs again after a
 * crash behind the replacement still names it, and audits it once.
 *
 * <p>Two uses, one name: the {@link OperationKind#PATCH_NAT} operation's only step, which leaves the NAT as the
 * environment's power has it (stopped when off) and fails the operation on a cloud error (Retry resumes it); and
 * Start's first step, before the NAT is started and the service scaled up, which leaves the new NAT running and, on a
 * cloud error, records it and lets the start go on with the NAT there is: the private route still leads to a working
 * instance (the old one until the route moves), and a server that starts matters more than a patch, which the next
 * check tries again.
 */
final class NatPatchStep {

    static final String NAME = "patch-nat";
    private static final String LABEL = "NAT instance on the latest Amazon Linux AMI";

    static final CloudStep PATCH = new CloudStep(NAME, LABEL, c -> patch(c,
            c.power() == EnvironmentPower.OFF ? NatState.STOPPED : NatState.RUNNING));

    static final CloudStep AT_START = new CloudStep(NAME, LABEL, NatPatchStep::patchOrGoOn);

    private NatPatchStep() {
    }

    private static StepOutcome patchOrGoOn(StepContext c) {
        try {
            return patch(c, NatState.RUNNING);
        } catch (CloudException e) {
            String why = (e.errorCode() == null ? "" : e.errorCode() + ": ") + e.providerMessage();
            return StepOutcome.audited(c.resources(), "not patched (" + why + "); starts on its current AMI",
                    AuditEntry.failure("environment.nat.patch-skipped").detail("during", "start")
                            .detail("error", why).detail("retryable", e.retryable()));
        }
    }

    private static StepOutcome patch(StepContext c, NatState endState) {
        CloudResources resources = c.resources();
        if (c.inSharedNetwork()) {
            // Replacing it would cut every other environment of the network off for a while: not one environment's call.
            return StepOutcome.of(resources, "the NAT instance is network " + c.sharedNetwork().networkName()
                    + "'s, shared with its other environments: not patched by one of them");
        }
        NatImageStatus status = c.cloud().natImageStatus(c.ref()).orElseThrow(() -> new CloudException(
                CloudErrorKind.INVALID_REQUEST, null, "portal", "NoNatInstance", "The environment has no NAT"
                + " instance to patch; provision it again.", null));
        NatInstance before = resources.nat();
        if (!status.needsReplacement() && (before == null || before.instanceId().equals(status.nat().instanceId()))) {
            return StepOutcome.of(before == null ? resources.withNat(status.nat()) : resources,
                    status.nat().instanceId() + " runs the latest AMI " + status.latest().describe());
        }
        // Replaced now, or by a run that crashed before recording it: the record still names the old instance.
        NatInstance after = status.needsReplacement() ? c.cloud().replaceNatInstance(c.ref(),
                ProvisionSteps.require(resources.network(), "network"), endState) : status.nat();
        String old = before == null ? "unknown" : before.instanceId();
        String oldImage = before == null ? status.current().imageId() : before.imageId();
        return StepOutcome.audited(resources.withNat(after), old + " (" + oldImage + ") replaced by "
                + after.instanceId() + " on " + status.latest().describe() + ", " + after.state().name().toLowerCase(),
                AuditEntry.success("environment.nat.replaced").detail("oldInstance", old).detail("oldImage", oldImage)
                        .detail("newInstance", after.instanceId()).detail("newImage", after.imageId())
                        .detail("newImageName", String.valueOf(status.latest().name()))
                        .detail("newImagePublished", String.valueOf(status.latest().createdAt())));
    }
}
