package com.mcpportal.portal.security;

import java.util.Optional;

import com.mcpportal.portal.audit.AuditEntry;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in user of the current request. */
public final class CurrentUser {

    private CurrentUser() {
    }

    /** The signed-in user, or empty outside a signed-in request (jobs, anonymous pages). */
    public static Optional<PortalUserPrincipal> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PortalUserPrincipal principal) {
            return Optional.of(principal);
        }
        return Optional.empty();
    }

    /**
     * Who this request acts as, by name, as audit events and records of who changed what name it: the signed-in
     * user's username, or {@code system} outside a signed-in request (jobs, start-up).
     */
    public static String name() {
        return find().map(PortalUserPrincipal::getUsername).orElse(AuditEntry.SYSTEM);
    }

    /** The signed-in user; fails if there is none (every portal page requires one). */
    public static PortalUserPrincipal get() {
        return find().orElseThrow(() -> new IllegalStateException("No signed-in user in this request"));
    }
}
