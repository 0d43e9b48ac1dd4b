package com.mcpportal.portal.apikey.web;

import java.time.Instant;
import java.util.List;

import com.mcpportal.portal.apikey.ApiKeyStatus;
import com.mcpportal.portal.apikey.ApiKeyView;
import com.mcpportal.portal.apikey.IssuedKey;
import com.mcpportal.portal.apikey.PlaintextKey;
import com.mcpportal.portal.apikey.RotationPolicy;

/** The JSON bodies of the API-key REST API. The key itself appears only in {@link IssuedKeyJson}, once. */
final class ApiKeyApiJson {

    private ApiKeyApiJson() {
    }

    /**
     * Issue a key. Absent fields take the issue form's defaults: the portal's default lifetime, all environments.
     *
     * @param expiresInDays   days until the key expires
     * @param neverExpires    true for a key without expiry (only where the admin allows it)
     * @param allEnvironments valid in every environment of the team, present and future
     * @param environmentIds  otherwise the team's environments it is valid in
     */
    record IssueBody(String name, Integer expiresInDays, Boolean neverExpires, Boolean allEnvironments,
            List<Long> environmentIds) {
    }

    /** @param grace how long the old key keeps working: {@code now}, {@code 1h}, {@code 24h} or {@code 7d} */
    record RollBody(String grace) {
    }

    /** @param grace as for a roll: how long a rotated key's predecessor keeps working */
    record RotationBody(Integer everyDays, String grace) {
    }

    /**
     * A key's metadata.
     *
     * @param status      ACTIVE, ROLLED (its successor is in use; it works until {@code graceEndsAt}), EXPIRED or
     *                    REVOKED
     * @param graceEndsAt for a ROLLED key, when it stops working (its expiry); otherwise null
     * @param environments the environments it works in (all of the team's when {@code allEnvironments})
     */
    record KeyJson(long id, String publicId, String name, String status, String statusText, Instant createdAt,
            String createdBy, Instant expiresAt, boolean expiringSoon, boolean allEnvironments,
            List<EnvironmentJson> environments, Instant revokedAt, String revokedBy, Long rolledFromId,
            Long rolledToId, Instant rolledAt, Instant graceEndsAt, boolean rotatedKeyWaiting) {

        static KeyJson of(ApiKeyView key) {
            return new KeyJson(key.id(), key.publicId(), key.name(), key.status().name(), key.status().label(),
                    key.createdAt(), key.createdBy(), key.expiresAt(), key.expiringSoon(), key.allEnvironments(),
                    key.environments().stream().map(e -> new EnvironmentJson(e.id(), e.name(), e.mcpUrl())).toList(),
                    key.revokedAt(), key.revokedBy(), key.rolledFromId(), key.rolledToId(), key.rolledAt(),
                    key.status() == ApiKeyStatus.ROLLED ? key.expiresAt() : null, key.rotatedKeyWaiting());
        }
    }

    /** @param mcpUrl where its MCP server answers, once provisioned */
    record EnvironmentJson(long id, String name, String mcpUrl) {
    }

    /**
     * A key just issued or rolled.
     *
     * @param secret   the key itself, shown this once: the portal keeps only its SHA-256
     * @param previous for a roll, the old key (ROLLED, or EXPIRED when rolled without grace)
     */
    record IssuedKeyJson(KeyJson key, String secret, KeyJson previous) {

        static IssuedKeyJson of(IssuedKey issued, ApiKeyView previous) {
            return new IssuedKeyJson(KeyJson.of(issued.key()), issued.plaintext().reveal(),
                    previous == null ? null : KeyJson.of(previous));
        }

        /** Keeps the secret out of logs and error reports, like {@link PlaintextKey#toString()}. */
        @Override
        public String toString() {
            return "IssuedKeyJson[" + key.publicId() + ", secret redacted]";
        }
    }

    /** @param enabled false when the team has no policy (keys are rolled only by hand); the rest is then null */
    record RotationJson(boolean enabled, Integer everyDays, String grace, String updatedBy, Instant updatedAt) {

        static RotationJson of(RotationPolicy policy) {
            return policy == null ? new RotationJson(false, null, null, null, null)
                    : new RotationJson(true, policy.getEveryDays(), policy.getGrace().code(), policy.getUpdatedBy(),
                            policy.getUpdatedAt());
        }
    }
}
