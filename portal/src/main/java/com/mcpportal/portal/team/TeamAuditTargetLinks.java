package com.mcpportal.portal.team;

import java.util.Optional;

import com.mcpportal.portal.audit.AuditScope;
import com.mcpportal.portal.audit.AuditTargetLink;
import com.mcpportal.portal.audit.AuditTargetLinks;

import org.springframework.stereotype.Component;

/** Audit events about a team link to the team's page while it exists and the reader may see it. */
@Component
class TeamAuditTargetLinks implements AuditTargetLinks {

    private final TeamRepository teams;

    TeamAuditTargetLinks(TeamRepository teams) {
        this.teams = teams;
    }

    @Override
    public String targetType() {
        return "team";
    }

    @Override
    public Optional<AuditTargetLink> link(String targetId, AuditScope reader) {
        return AuditTargetLinks.numericId(targetId).filter(reader::canRead).flatMap(teams::findById)
                .map(team -> new AuditTargetLink(team.getName(), "/teams/" + team.getId()));
    }
}
