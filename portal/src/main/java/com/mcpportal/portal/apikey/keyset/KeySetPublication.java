package com.mcpportal.portal.apikey.keyset;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.jspecify.annotations.Nullable;

/** What was last published to one environment's MCP server, and whether the last attempt failed. */
@Entity
@Table(name = "key_set_publication")
public class KeySetPublication {

    static final int MAX_ERROR = 2000;

    @Id
    private Long environmentId;

    private @Nullable String publishedDigest;

    private @Nullable Integer publishedKeys;

    private @Nullable Instant publishedAt;

    private @Nullable Instant lastAttemptAt;

    private @Nullable String lastError;

    private @Nullable Instant failingSince;

    protected KeySetPublication() {
    }

    KeySetPublication(long environmentId) {
        this.environmentId = environmentId;
    }

    /** Whether the servers already hold this document. */
    boolean holds(KeySetDocument document) {
        return lastError == null && document.digest().equals(publishedDigest);
    }

    void succeeded(KeySetDocument document, Instant now) {
        publishedDigest = document.digest();
        publishedKeys = document.keyCount();
        publishedAt = now;
        lastAttemptAt = now;
        lastError = null;
        failingSince = null;
    }

    void failed(String error, Instant now) {
        lastAttemptAt = now;
        lastError = error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        if (failingSince == null) {
            failingSince = now;
        }
    }

    public Long getEnvironmentId() {
        return environmentId;
    }

    public @Nullable Integer getPublishedKeys() {
        return publishedKeys;
    }

    public @Nullable Instant getPublishedAt() {
        return publishedAt;
    }

    public @Nullable Instant getLastAttemptAt() {
        return lastAttemptAt;
    }

    public @Nullable String getLastError() {
        return lastError;
    }

    public @Nullable Instant getFailingSince() {
        return failingSince;
    }

    public boolean isFailing() {
        return lastError != null;
    }
}
