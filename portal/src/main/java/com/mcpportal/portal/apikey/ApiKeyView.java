package com.mcpportal.portal.apikey;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A key's metadata as pages and the REST API show it; never the key itself.
 *
 * @param environments  the scope when {@code allEnvironments} is false (deleted environments named so)
 * @param expiringSoon  live and expiring within {@code portal.keys.expiring-soon} (7 days)
 * @param rotatedKeyWaiting the rotation job made this key and no owner has seen it yet
 */
public record ApiKeyView(long id, long teamId, String publicId, String name, String createdBy, Instant createdAt,
        @Nullable Instant expiresAt, boolean allEnvironments, List<ScopeEnvironment> environments,
        @Nullable Instant revokedAt, @Nullable String revokedBy, @Nullable Long rolledFromId, @Nullable Long rolledToId,
        @Nullable Instant rolledAt, ApiKeyStatus status,
        boolean expiringSoon, boolean rotatedKeyWaiting) {

    /** An environment in a key's scope. */
    public record ScopeEnvironment(long id, String name, @Nullable String cloudId, @Nullable String mcpUrl) {
    }

    public boolean live() {
        return status == ApiKeyStatus.ACTIVE || status == ApiKeyStatus.ROLLED;
    }

    public boolean rollable() {
        return status == ApiKeyStatus.ACTIVE;
    }

    /** "All environments" or the names, for lists and audit details. */
    public String scopeLabel() {
        return allEnvironments ? "All environments"
                : String.join(", ", environments.stream().map(ScopeEnvironment::name).toList());
    }
}
