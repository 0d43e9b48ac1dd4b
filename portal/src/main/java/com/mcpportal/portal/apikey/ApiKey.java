package com.mcpportal.portal.apikey;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.jspecify.annotations.Nullable;

/**
 * One API key of a team: its SHA-256, never the key. Valid until it is revoked or its expiry passes; rolling
 * gives it a successor and moves its expiry to the end of the grace period.
 */
@Entity
@Table(name = "api_key")
public class ApiKey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @SuppressWarnings("NullAway.Init") // JPA assigns it when the key is first saved
    private Long id;

    private long teamId;

    private String publicId;

    private String sha256;

    private String name;

    private String createdBy;

    private Instant createdAt;

    private @Nullable Instant expiresAt;

    private boolean allEnvironments;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "api_key_environment", joinColumns = @JoinColumn(name = "api_key_id"))
    @Column(name = "environment_id")
    private Set<Long> environmentIds = new LinkedHashSet<>();

    private @Nullable Instant revokedAt;

    private @Nullable String revokedBy;

    private @Nullable Long rolledFromId;

    private @Nullable Long rolledToId;

    private @Nullable Instant rolledAt;

    private @Nullable Instant expiryNotedAt;

    private @Nullable String issueToken;

    @Version
    private long version;

    protected ApiKey() {
    }

    public ApiKey(long teamId, PlaintextKey key, String name, String createdBy, Instant createdAt,
            @Nullable Instant expiresAt, boolean allEnvironments, Collection<Long> environmentIds) {
        this.teamId = teamId;
        this.publicId = key.publicId();
        this.sha256 = key.sha256();
        this.name = name;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.allEnvironments = allEnvironments;
        if (!allEnvironments) {
            this.environmentIds.addAll(environmentIds);
        }
    }

    void issuedFor(@Nullable String token) {
        this.issueToken = token;
    }

    public void revoke(String by, Instant now) {
        this.revokedAt = now;
        this.revokedBy = by;
    }

    /** The successor takes over; this key stays valid until {@code graceEnd} (or its own earlier expiry). */
    void rollTo(ApiKey successor, Instant now, Instant graceEnd) {
        this.rolledToId = successor.getId();
        this.rolledAt = now;
        if (expiresAt == null || graceEnd.isBefore(expiresAt)) {
            this.expiresAt = graceEnd;
        }
        successor.rolledFromId = this.id;
    }

    void noteExpiry(Instant now) {
        this.expiryNotedAt = now;
    }

    /** Accepted by the MCP servers at {@code now}: not revoked, not expired. */
    public boolean isLive(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    public boolean isExpired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** Whether it can be rolled: live and not rolled already (roll its successor instead). */
    public boolean isRollable(Instant now) {
        return isLive(now) && rolledToId == null;
    }

    /** Whether this key works in the environment (scope only; see {@link #isLive}). */
    public boolean covers(long environmentId) {
        return allEnvironments || environmentIds.contains(environmentId);
    }

    public Long getId() {
        return id;
    }

    public long getTeamId() {
        return teamId;
    }

    public String getPublicId() {
        return publicId;
    }

    public String getSha256() {
        return sha256;
    }

    public String getName() {
        return name;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public @Nullable Instant getExpiresAt() {
        return expiresAt;
    }

    public boolean isAllEnvironments() {
        return allEnvironments;
    }

    public Set<Long> getEnvironmentIds() {
        return Set.copyOf(environmentIds);
    }

    public @Nullable Instant getRevokedAt() {
        return revokedAt;
    }

    public @Nullable String getRevokedBy() {
        return revokedBy;
    }

    public @Nullable Long getRolledFromId() {
        return rolledFromId;
    }

    public @Nullable Long getRolledToId() {
        return rolledToId;
    }

    public @Nullable Instant getRolledAt() {
        return rolledAt;
    }

    public @Nullable Instant getExpiryNotedAt() {
        return expiryNotedAt;
    }
}
