package com.mcpportal.portal.cloud;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Identifies a shared network in the cloud: where it lives, the portal's network id (the tag its own resources carry,
 * instead of an environment's) and its name for the {@code Name} tag. Its VPC, public subnet, internet gateway, public
 * route table and NAT instance belong to the network, so deprovisioning one environment never finds them.
 */
public record SharedNetworkRef(CloudTarget target, long networkId, String name) {

    public static final String TAG_NETWORK_ID = "mcp-portal:network-id";

    public SharedNetworkRef {
        Objects.requireNonNull(target, "target");
        name = name == null ? "" : name;
    }

    /** The deterministic base name of the network's resources, e.g. {@code mcp-net-7}. */
    public String resourceName() {
        return "mcp-net-" + networkId;
    }

    /** The value of {@link #TAG_NETWORK_ID}. */
    public String tagValue() {
        return Long.toString(networkId);
    }

    /** The tags for one component of the network, in a stable order. */
    public Map<String, String> tags(String component) {
        Map<String, String> tags = new LinkedHashMap<>();
        String label = name.replaceAll("[^\\p{L}\\p{N} _.:/=+\\-@]", "_");
        tags.put(EnvironmentRef.TAG_NAME, (label.isBlank() ? resourceName() : "network " + label) + " " + component);
        tags.put(TAG_NETWORK_ID, tagValue());
        tags.put(EnvironmentRef.TAG_MANAGED_BY, EnvironmentRef.MANAGED_BY);
        tags.put(EnvironmentRef.TAG_COMPONENT, component);
        return tags;
    }
}
