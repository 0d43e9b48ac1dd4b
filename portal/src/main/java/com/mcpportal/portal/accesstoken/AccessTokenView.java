package com.mcpportal.portal.accesstoken;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A token as its owner sees it in the list: never the token itself. */
record AccessTokenView(long id, String name, String publicId, Instant createdAt, Instant expiresAt,
        @Nullable Instant lastUsedAt, @Nullable Instant revokedAt, boolean live) {

    static AccessTokenView of(AccessToken token, Instant now) {
        return new AccessTokenView(token.getId(), token.getName(), token.getPublicId(), token.getCreatedAt(),
                token.getExpiresAt(), token.getLastUsedAt(), token.getRevokedAt(), token.isLive(now));
    }

    public String status() {
        return revokedAt != null ? "Revoked" : live ? "Active" : "Expired";
    }
}
