package com.mcpportal.portal.environment;

import com.mcpportal.portal.cloud.ImageRef;
import com.mcpportal.portal.cloud.TaskDefinitionRef;

/**
 * An image with the task definition revision that ran it: what an environment ran before its last server update,
 * kept so that "Roll back" can return to exactly that digest and revision.
 */
public record Release(ImageRef image, TaskDefinitionRef taskDefinition) {
}
