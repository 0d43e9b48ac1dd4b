package com.mcpportal.portal.audit;

/**
 * Decides whose audit events the signed-in user may read. The team feature implements it (the audit feature
 * cannot know teams: every feature, teams included, records into it).
 */
public interface AuditReaders {

    /**
     * The signed-in user's scope.
     *
     * @throws org.springframework.security.access.AccessDeniedException when they may read no audit events at
     *         all (team viewers and operators): answered with 403
     */
    AuditScope requireReader();
}
