package com.mcpportal.portal.environment.operation;

import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.environment.CloudResources;

/**
 * What a step leaves behind: the resources as they are now, a line for the step list, whether it handed the
 * pending ElevenLabs key to the cloud (then the portal drops its copy), and an audit event of what it did (or null),
 * written with the step's result, so once even when the step ran again after a crash.
 */
record StepOutcome(CloudResources resources, String detail, boolean apiKeyDelivered, AuditEntry event) {

    StepOutcome(CloudResources resources, String detail, boolean apiKeyDelivered) {
        this(resources, detail, apiKeyDelivered, null);
    }

    static StepOutcome of(CloudResources resources, String detail) {
        return new StepOutcome(resources, detail, false);
    }

    /** With an event whose team, target, actor and operation the runner fills in. */
    static StepOutcome audited(CloudResources resources, String detail, AuditEntry event) {
        return new StepOutcome(resources, detail, false, event);
    }
}
