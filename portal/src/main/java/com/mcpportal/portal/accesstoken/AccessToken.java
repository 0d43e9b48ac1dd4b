package com.mcpportal.portal.accesstoken;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import com.mcpportal.portal.apikey.PlaintextKey;

import org.jspecify.annotations.Nullable;

/** A user's personal access token for the REST API: its SHA-256, never the token. */
@Entity
@Table(name = "personal_access_token")
class AccessToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @SuppressWarnings("NullAway.Init") // JPA assigns it when the token is first saved
    private Long id;

    private long userId;

    private String publicId;

    private String sha256;

    private String name;

    private Instant createdAt;

    private Instant expiresAt;

    private @Nullable Instant lastUsedAt;

    private @Nullable Instant revokedAt;

    private @Nullable String issueToken;

    protected AccessToken() {
    }

    AccessToken(long userId, PlaintextKey token, String name, Instant createdAt, Instant expiresAt,
            @Nullable String issueToken) {
        this.userId = userId;
        this.issueToken = issueToken;
        this.publicId = token.publicId();
        this.sha256 = token.sha256();
        this.name = name;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    boolean isLive(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    void revoke(Instant now) {
        revokedAt = now;
    }

    Long getId() {
        return id;
    }

    long getUserId() {
        return userId;
    }

    String getPublicId() {
        return publicId;
    }

    String getName() {
        return name;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }

    @Nullable Instant getLastUsedAt() {
        return lastUsedAt;
    }

    @Nullable Instant getRevokedAt() {
        return revokedAt;
    }
}
