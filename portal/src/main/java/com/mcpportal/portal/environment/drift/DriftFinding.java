package com.mcpportal.portal.environment.drift;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The latest drift check of an environment: what the portal expects (from its power state), what the cloud
 * reported, and since when they disagree.
 *
 * @param message what differs, or why the check could not tell; null when all agrees
 * @param since   when the current drift was first seen; null without drift
 */
public record DriftFinding(long environmentId, Instant checkedAt, String expected, String actual, boolean drifted,
        @Nullable String message, @Nullable Instant since) {
}
