package com.mcpportal.portal.apikey;

import java.time.Instant;

/**
 * Published when the rotation policy rolled a key: its successor waits, encrypted, until an owner reveals it once.
 * Inside the transaction that rolls it (notifications listen before it commits).
 *
 * @param keyId            the successor's id
 * @param publicId         the successor's public id
 * @param oldKeyWorksUntil when the rolled key's grace period ends and its clients are refused
 */
public record RotatedKeyWaiting(long keyId, long teamId, String publicId, String name, Instant oldKeyWorksUntil) {
}
