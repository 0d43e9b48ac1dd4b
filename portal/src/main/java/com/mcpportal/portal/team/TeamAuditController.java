package com.mcpportal.portal.team;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A team's audit log: the audit review page ({@code /audit}) filtered to this team, for its owners. The access
 * check stays here, with {@link TeamAccess}, so an outsider gets the same 404 as on every team page.
 */
@Controller
class TeamAuditController {

    private final TeamAccess access;

    TeamAuditController(TeamAccess access) {
        this.access = access;
    }

    @GetMapping("/teams/{teamId}/audit")
    String teamAudit(@PathVariable long teamId) {
        access.require(teamId, TeamRole.OWNER);
        return "redirect:/audit?team=" + teamId;
    }
}
