package com.mcpportal.portal.environment.operation;

import com.mcpportal.portal.environment.CloudResources;

/**
 * What a step leaves behind: the resources as they are now, a line for the step list, and whether it handed the
 * pending ElevenLabs key to the cloud (then the portal drops its copy).
 */
record StepOutcome(CloudResources resources, String detail, boolean apiKeyDelivered) {

    static StepOutcome of(CloudResources resources, String detail) {
        return new StepOutcome(resources, detail, false);
    }
}
