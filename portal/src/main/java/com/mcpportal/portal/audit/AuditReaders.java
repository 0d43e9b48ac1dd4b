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

    /**
     * Only the events of one team, for its owners and platform administrators, checked exactly like the team's
     * pages: the REST API's {@code /api/v1/teams/{teamId}/audit-events}.
     *
     * @throws com.mcpportal.portal.web.NotFoundException for a team the user is not a member of (404)
     * @throws org.springframework.security.access.AccessDeniedException for its viewers and operators (403)
     */
    AuditScope requireTeamReader(long teamId);

    /**
     * Every event, platform-wide ones included, for platform administrators only.
     *
     * @throws org.springframework.security.access.AccessDeniedException for anyone else (403, audited)
     */
    AuditScope requireEverything();
}
