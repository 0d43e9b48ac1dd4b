package com.mcpportal.portal.apikey;

import java.time.Instant;

/** A live key that expires soon, as {@link ApiKeyService#expiringWithin} reports it: never the key itself. */
public record ExpiringKey(long id, long teamId, String publicId, String name, Instant expiresAt) {
}
