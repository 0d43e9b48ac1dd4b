package com.mcpportal.portal.environment.operation;

import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import com.mcpportal.portal.cloud.AccountRoles;
import com.mcpportal.portal.cloud.CloudProvider;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.SharedNetworkRef;
import com.mcpportal.portal.cloud.image.ServerImages;
import com.mcpportal.portal.environment.CloudResources;
import com.mcpportal.portal.environment.EnvironmentPower;
import com.mcpportal.portal.environment.EnvironmentNetworks;
import com.mcpportal.portal.environment.EnvironmentSpec;
import com.mcpportal.portal.environment.SharedNetworkPlacement;

/**
 * What a step works with: the cloud, the environment's reference and settings, what earlier steps recorded, the
 * account's configured roles (or null: create them), the power state, the pending ElevenLabs key (decrypted
 * only when a step asks for it; null when there is none), the MCP server this portal carries, to publish, and the
 * shared network the environment is in (null: its own network) with the lock its own resources are made under, and
 * whether another environment of that network needs its NAT now (asked under that lock, see {@link SharedNatDemand}),
 * and the network's deferred NAT stops ({@link SharedNatStops}; null: the last stop stops the NAT at once), and
 * which way a network move goes ({@link MoveSteps}; null when none runs).
 */
record StepContext(CloudProvider cloud, EnvironmentRef ref, EnvironmentSpec spec, CloudResources resources,
        AccountRoles configuredRoles, EnvironmentPower power, Supplier<String> pendingApiKey,
        ServerImages serverImages, SharedNetworkPlacement sharedNetwork, EnvironmentNetworks networks,
        BooleanSupplier othersNeedSharedNat, SharedNatStops.Of natStops, MoveSteps.Move move) {

    /** With no network move running. */
    StepContext(CloudProvider cloud, EnvironmentRef ref, EnvironmentSpec spec, CloudResources resources,
            AccountRoles configuredRoles, EnvironmentPower power, Supplier<String> pendingApiKey,
            ServerImages serverImages, SharedNetworkPlacement sharedNetwork, EnvironmentNetworks networks,
            BooleanSupplier othersNeedSharedNat, SharedNatStops.Of natStops) {
        this(cloud, ref, spec, resources, configuredRoles, power, pendingApiKey, serverImages, sharedNetwork,
                networks, othersNeedSharedNat, natStops, null);
    }

    /** In a shared network whose last stop stops the NAT at once (no deferred stop). */
    StepContext(CloudProvider cloud, EnvironmentRef ref, EnvironmentSpec spec, CloudResources resources,
            AccountRoles configuredRoles, EnvironmentPower power, Supplier<String> pendingApiKey,
            ServerImages serverImages, SharedNetworkPlacement sharedNetwork, EnvironmentNetworks networks,
            BooleanSupplier othersNeedSharedNat) {
        this(cloud, ref, spec, resources, configuredRoles, power, pendingApiKey, serverImages, sharedNetwork,
                networks, othersNeedSharedNat, null);
    }

    /** In a shared network, its NAT taken to be needed by others: a stop leaves it on. */
    StepContext(CloudProvider cloud, EnvironmentRef ref, EnvironmentSpec spec, CloudResources resources,
            AccountRoles configuredRoles, EnvironmentPower power, Supplier<String> pendingApiKey,
            ServerImages serverImages, SharedNetworkPlacement sharedNetwork, EnvironmentNetworks networks) {
        this(cloud, ref, spec, resources, configuredRoles, power, pendingApiKey, serverImages, sharedNetwork,
                networks, () -> true, null);
    }

    /** An environment with its own network. */
    StepContext(CloudProvider cloud, EnvironmentRef ref, EnvironmentSpec spec, CloudResources resources,
            AccountRoles configuredRoles, EnvironmentPower power, Supplier<String> pendingApiKey,
            ServerImages serverImages) {
        this(cloud, ref, spec, resources, configuredRoles, power, pendingApiKey, serverImages, null, null,
                () -> true, null);
    }

    boolean inSharedNetwork() {
        return sharedNetwork != null;
    }

    /** The shared network in the cloud (same account and region as the environment). */
    SharedNetworkRef sharedNetworkRef() {
        return sharedNetwork.ref(ref.target());
    }

    /** The desired task count when provisioning: an environment that was stopped stays stopped. */
    int desiredTasks() {
        return power == EnvironmentPower.OFF ? 0 : 1;
    }
}
