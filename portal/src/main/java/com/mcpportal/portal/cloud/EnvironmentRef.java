package com.mcpportal.portal.cloud;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Identifies one environment in the cloud: where it lives, its id (the tag every resource
 * carries) and the team and name shown in tags. Resource names derive from the id only, so
 * renaming an environment never orphans a resource.
 */
public record EnvironmentRef(CloudTarget target, String environmentId, String team, String name) {

    public static final String TAG_ENVIRONMENT_ID = "mcp-portal:environment-id";
    public static final String TAG_TEAM = "mcp-portal:team";
    public static final String TAG_MANAGED_BY = "mcp-portal:managed-by";
    /** Which part of the environment a resource is (vpc, public-subnet, nat …): how steps find it again. */
    public static final String TAG_COMPONENT = "mcp-portal:component";
    public static final String TAG_NAME = "Name";
    public static final String MANAGED_BY = "mcp-portal";

    public EnvironmentRef {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(environmentId, "environmentId");
        if (!environmentId.matches("[A-Za-z0-9-]{1,40}")) {
            throw new IllegalArgumentException("environment id must be 1-40 letters, digits or '-': " + environmentId);
        }
        team = team == null ? "" : team;
        name = name == null ? "" : name;
    }

    /** The deterministic base name of this environment's resources, e.g. {@code mcp-42}. */
    public String resourceName() {
        return "mcp-" + environmentId.toLowerCase(Locale.ROOT);
    }

    /** The tags for one component of this environment, in a stable order. */
    public Map<String, String> tags(String component) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put(TAG_NAME, tagValue(displayName() + " " + component));
        tags.put(TAG_ENVIRONMENT_ID, environmentId);
        tags.put(TAG_TEAM, tagValue(team));
        tags.put(TAG_MANAGED_BY, MANAGED_BY);
        tags.put(TAG_COMPONENT, component);
        return tags;
    }

    private String displayName() {
        String label = team.isBlank() ? name : team + "/" + name;
        return label.isBlank() ? resourceName() : label;
    }

    // Tag values are limited to letters, digits, spaces and _ . : / = + - @ across AWS services.
    private static String tagValue(String value) {
        String cleaned = value.replaceAll("[^\\p{L}\\p{N} _.:/=+\\-@]", "_");
        return cleaned.length() > 256 ? cleaned.substring(0, 256) : cleaned;
    }
}
