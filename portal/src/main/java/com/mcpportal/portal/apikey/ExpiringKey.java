package com.mcpportal.portal.apikey;

import java.time.Instant;

/**
 * A key that expires soon or expired lately, as {@link ApiKeyService#expiringWithin} and
 * {@link ApiKeyService#expiredWithin} report it: never the key itself.
 */
public record ExpiringKey(long id, long teamId, String publicId, String name, Instant expiresAt) {
}
