package com.mcpportal.portal.audit;

import java.util.Optional;

/**
 * Resolves an event's target ({@code target_type}, {@code target_id}) to a page, if it still exists and the
 * reader may open it. Each feature that records targets registers one bean per target type it owns
 * ({@code team}, {@code user}, {@code environment}, {@code schedule}, {@code api-key}, {@code cloud-account}); types
 * without one show as plain text.
 */
public interface AuditTargetLinks {

    /** The {@code target_type} this resolves, e.g. {@code "team"}. */
    String targetType();

    /** The link for this target id, or empty when it no longer exists or {@code reader} may not open it. */
    Optional<AuditTargetLink> link(String targetId, AuditScope reader);

    /** A numeric target id, or empty for any other (older events and tests name targets freely). */
    static Optional<Long> numericId(String targetId) {
        try {
            return Optional.of(Long.valueOf(targetId));
        }
        catch (NumberFormatException ex) {
            return Optional.empty();
        }
    }
}
