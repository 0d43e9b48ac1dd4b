package com.mcpportal.portal.apikey;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A key the rotation job issued, sealed with the portal's secret key until one of the team's owners has seen it
 * once (then deleted). Nobody was there to be shown the key when the job made it; this is the only plaintext the
 * portal keeps, and only encrypted.
 */
@Entity
@Table(name = "api_key_reveal")
class RotatedKeyReveal {

    @Id
    private Long apiKeyId;

    private long teamId;

    private String sealedKey;

    private Instant createdAt;

    protected RotatedKeyReveal() {
    }

    RotatedKeyReveal(long apiKeyId, long teamId, String sealedKey, Instant createdAt) {
        this.apiKeyId = apiKeyId;
        this.teamId = teamId;
        this.sealedKey = sealedKey;
        this.createdAt = createdAt;
    }

    /** Binds the ciphertext to its key row: copied to another row, it does not decrypt. */
    static String context(long apiKeyId) {
        return "api-key:" + apiKeyId + ":rotated";
    }

    Long getApiKeyId() {
        return apiKeyId;
    }

    long getTeamId() {
        return teamId;
    }

    String getSealedKey() {
        return sealedKey;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
