package com.mcpportal.portal.audit;

import java.time.Instant;

/**
 * An audit row exactly as the hash covers it. {@code details} is PostgreSQL's own text form of the jsonb value
 * ({@code details::text}), which is canonical (keys sorted, fixed spacing), so writer and verifier hash the
 * same bytes whatever JSON the caller produced.
 */
public record ChainedEvent(long id, Instant occurredAt, String actor, Long teamId, String action, String targetType,
                    String targetId, AuditOutcome outcome, String clientIp, String userAgent, String details,
                    String prevHash, String hash) {

    /** This event carrying the hash of its content and {@code prevHash}: the row as it is written. */
    ChainedEvent signed() {
        return new ChainedEvent(id, occurredAt, actor, teamId, action, targetType, targetId, outcome, clientIp,
                userAgent, details, prevHash, AuditHasher.hash(this));
    }
}
