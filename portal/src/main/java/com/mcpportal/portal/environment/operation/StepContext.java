package com.mcpportal.portal.environment.operation;

import java.util.function.Supplier;

import com.mcpportal.portal.cloud.AccountRoles;
import com.mcpportal.portal.cloud.CloudProvider;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.image.ServerImages;
import com.mcpportal.portal.environment.CloudResources;
import com.mcpportal.portal.environment.EnvironmentPower;
import com.mcpportal.portal.environment.EnvironmentSpec;

/**
 * What a step works with: the cloud, the environment's reference and settings, what earlier steps recorded, the
 * account's configured roles (or null: create them), the power state, the pending ElevenLabs key (decrypted
 * only when a step asks for it; null when there is none), and the MCP server this portal carries, to publish.
 */
record StepContext(CloudProvider cloud, EnvironmentRef ref, EnvironmentSpec spec, CloudResources resources,
        AccountRoles configuredRoles, EnvironmentPower power, Supplier<String> pendingApiKey,
        ServerImages serverImages) {

    /** The desired task count when provisioning: an environment that was stopped stays stopped. */
    int desiredTasks() {
        return power == EnvironmentPower.OFF ? 0 : 1;
    }
}
