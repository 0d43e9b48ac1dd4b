package com.mcpportal.portal.team;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.audit.AuditLog;
import com.mcpportal.portal.audit.AuditReaders;
import com.mcpportal.portal.audit.AuditScope;
import com.mcpportal.portal.security.CurrentUser;
import com.mcpportal.portal.security.PortalUserPrincipal;
import com.mcpportal.portal.security.RoleRequiredException;

import org.springframework.stereotype.Component;

/** Who reads which audit events: platform admins every event, owners their teams', nobody else any. */
@Component
class TeamAuditReaders implements AuditReaders {

    private final TeamRepository teams;
    private final TeamAccess access;
    private final AuditLog auditLog;

    TeamAuditReaders(TeamRepository teams, TeamAccess access, AuditLog auditLog) {
        this.teams = teams;
        this.access = access;
        this.auditLog = auditLog;
    }

    @Override
    public AuditScope requireReader() {
        PortalUserPrincipal user = CurrentUser.get();
        if (user.admin()) {
            return everything();
        }
        Map<Long, String> visible = new LinkedHashMap<>();
        teams.findSummariesForMember(user.id()).stream().filter(team -> team.role() == TeamRole.OWNER)
                .forEach(team -> visible.put(team.id(), team.name()));
        if (visible.isEmpty()) {
            auditLog.record(AuditEntry.denied("audit.access.denied").target("audit", "log")
                    .detail("reason", "not an owner of any team"));
            throw new RoleRequiredException("The audit log is for team owners and platform administrators.");
        }
        return AuditScope.ofTeams(visible);
    }

    @Override
    public AuditScope requireTeamReader(long teamId) {
        TeamGrant grant = access.require(teamId, TeamRole.OWNER);
        return AuditScope.ofTeams(Map.of(grant.teamId(), grant.teamName()));
    }

    @Override
    public AuditScope requireEverything() {
        if (!CurrentUser.get().admin()) {
            auditLog.record(AuditEntry.denied("audit.access.denied").target("audit", "log")
                    .detail("reason", "not a platform administrator"));
            throw new RoleRequiredException("The audit log across all teams is for platform administrators;"
                    + " team owners read their team's events.");
        }
        return everything();
    }

    private AuditScope everything() {
        Map<Long, String> visible = new LinkedHashMap<>();
        teams.findAll().stream().sorted(Comparator.comparing((Team team) -> team.getName().toLowerCase()))
                .forEach(team -> visible.put(team.getId(), team.getName()));
        return AuditScope.everything(visible);
    }
}
