package com.mcpportal.portal.environment;

import com.mcpportal.portal.cloud.CloudProvider;
import com.mcpportal.portal.cloud.EnvironmentRef;
import com.mcpportal.portal.cloud.account.CloudAccount;

/**
 * Where an environment lives and how to reach it: the adapter for its cloud account's mode and the reference every
 * {@link CloudProvider} call takes. E.g. publishing a key set:
 * {@code cloud.provider().putSecret(cloud.ref(), CloudProvider.KEY_SET_SECRET, json)}.
 */
public record EnvironmentCloud(CloudProvider provider, EnvironmentRef ref, CloudAccount account) {
}
