package com.mcpportal.portal.environment.operation;

import java.util.List;

import com.mcpportal.portal.cloud.CloudErrorKind;
import com.mcpportal.portal.cloud.CloudException;
import com.mcpportal.portal.cloud.Rollout;
import com.mcpportal.portal.cloud.TaskDefinitionRef;
import com.mcpportal.portal.environment.CloudResources;
import com.mcpportal.portal.environment.Release;

/**
 * Update server: the image the settings name (the carried server published, or a team's build checked), a task
 * definition revision for it (provisioning's own step), and the service moved to it. Roll back: the image and revision
 * recorded before the last update swapped back in, and the service moved to them. Each step records what it did, so
 * after a crash the operation resumes at the step that was running and never shifts the previous release twice.
 */
final class UpdateSteps {

    static final CloudStep ROLL_OUT = new CloudStep("roll-out", "Service on the new revision: rolled out with no"
            + " downtime, or kept for the next start when off", UpdateSteps::rollOut);

    static final List<CloudStep> UPDATE = List.of(
            new CloudStep("update-image", "Server image: the carried MCP server published, or your image checked",
                    ImageStep::update),
            provisionStep("task-definition"),
            ROLL_OUT);

    static final List<CloudStep> ROLL_BACK = List.of(
            new CloudStep("roll-back-image", "Previous image and task definition revision chosen",
                    UpdateSteps::rollBackImage),
            ROLL_OUT);

    private UpdateSteps() {
    }

    private static CloudStep provisionStep(String name) {
        return ProvisionSteps.STEPS.stream().filter(step -> step.name().equals(name)).findFirst().orElseThrow();
    }

    /**
     * The previous release becomes the current one, and the current one the previous: a second roll back returns to
     * where the first one started.
     */
    private static StepOutcome rollBackImage(StepContext c) {
        CloudResources r = c.resources();
        Release previous = r.previous();
        if (previous == null || previous.image() == null || previous.taskDefinition() == null) {
            throw new CloudException(CloudErrorKind.INVALID_REQUEST, null, "portal", "NothingToRollBack",
                    "No earlier server is recorded for this environment (it has not been updated since it was"
                            + " provisioned), so there is nothing to roll back to.", null);
        }
        Release current = new Release(r.image(), r.taskDefinition());
        TaskDefinitionRef revision = previous.taskDefinition();
        return StepOutcome.of(r.withImage(previous.image()).withTaskDefinition(revision).withPrevious(current),
                ImageStep.describe(previous.image()) + " on revision " + revision.family() + ":" + revision.revision()
                        + (current.image() == null ? "" : ", instead of " + ImageStep.describe(current.image())));
    }

    private static StepOutcome rollOut(StepContext c) {
        TaskDefinitionRef revision = ProvisionSteps.require(c.resources().taskDefinition(), "task-definition");
        Rollout rollout = c.cloud().rollOut(c.ref(), revision);
        String name = revision.family() + ":" + revision.revision();
        return StepOutcome.of(c.resources().withService(rollout.service()), rollout.replacedTasks()
                ? name + " rolled out: " + PowerSteps.describe(rollout.counts()) + ", the old tasks stopped only once"
                        + " the new ones were healthy"
                : name + " set on the service, which is off: the next start runs it");
    }
}
