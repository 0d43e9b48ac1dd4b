package com.mcpportal.portal.apikey;

import java.time.Instant;

/** Where a key is in its life, as the list shows it. */
public enum ApiKeyStatus {
    ACTIVE("Active"),
    /** Rolled: its successor is in use and this one works until its grace period ends. */
    ROLLED("Rolled, in grace period"),
    EXPIRED("Expired"),
    REVOKED("Revoked");

    private final String label;

    ApiKeyStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static ApiKeyStatus of(ApiKey key, Instant now) {
        if (key.getRevokedAt() != null) {
            return REVOKED;
        }
        if (key.isExpired(now)) {
            return EXPIRED;
        }
        return key.getRolledToId() != null ? ROLLED : ACTIVE;
    }
}
