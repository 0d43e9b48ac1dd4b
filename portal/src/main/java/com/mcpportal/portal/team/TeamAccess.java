package com.mcpportal.portal.team;

import java.util.Optional;

import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.audit.AuditLog;
import com.mcpportal.portal.security.CurrentUser;
import com.mcpportal.portal.security.PortalUserPrincipal;
import com.mcpportal.portal.security.RoleRequiredException;

import org.springframework.stereotype.Component;

/**
 * The one place that decides whether the signed-in user may act in a team. Every controller that takes a team
 * id (or the id of anything a team owns) calls {@link #require} first, before reading or changing anything:
 * <pre>{@code
 *   TeamGrant grant = teamAccess.require(teamId, TeamRole.OPERATOR);
 * }</pre>
 * Non-members get a 404 whether or not the team exists, so ids of other teams reveal nothing; members without
 * the role get a 403. Platform admins act as owners of every team. Refusals are audited as DENIED; call it
 * outside a transaction (as controllers do) so that record is not rolled back with the refused request.
 */
@Component
public class TeamAccess {

    private final TeamRepository teams;
    private final TeamMemberRepository members;
    private final AuditLog auditLog;

    TeamAccess(TeamRepository teams, TeamMemberRepository members, AuditLog auditLog) {
        this.teams = teams;
        this.members = members;
        this.auditLog = auditLog;
    }

    /**
     * Returns the grant if the signed-in user holds at least {@code minimum} in the team.
     *
     * @throws TeamNotFoundException no such team, or the user is not a member (404)
     * @throws RoleRequiredException the user is a member with a lesser role (403)
     */
    public TeamGrant require(long teamId, TeamRole minimum) {
        PortalUserPrincipal user = CurrentUser.get();
        Optional<Team> team = teams.findById(teamId);
        Optional<TeamRole> membership = team.isPresent() ? members.findRole(teamId, user.id()) : Optional.empty();
        if (team.isEmpty() || (membership.isEmpty() && !user.admin())) {
            auditLog.record(AuditEntry.denied("team.access.denied").team(team.isPresent() ? teamId : null)
                    .target("team", teamId).detail("required", minimum.name()).detail("reason", "not a member"));
            throw new TeamNotFoundException();
        }
        TeamRole role = user.admin() ? TeamRole.OWNER : membership.get();
        if (!role.includes(minimum)) {
            auditLog.record(AuditEntry.denied("team.access.denied").team(teamId).target("team", teamId)
                    .detail("required", minimum.name()).detail("role", role.name()));
            throw new RoleRequiredException("This needs the " + minimum.label() + " role in this team; you are "
                    + role.label() + ".");
        }
        Team found = team.get();
        return new TeamGrant(found.getId(), found.getName(), role, found.isArchived());
    }
}
