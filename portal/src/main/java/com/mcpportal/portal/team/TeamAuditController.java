package com.mcpportal.portal.team;

import com.mcpportal.portal.audit.AuditLog;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A team's own audit log, for its owners. It lives with the team (not in {@code audit}) because it needs
 * {@link TeamAccess}, and {@code audit} must not depend on {@code team}, which records into it.
 */
@Controller
class TeamAuditController {

    static final int PAGE_SIZE = 50;

    private final TeamAccess access;
    private final AuditLog auditLog;

    TeamAuditController(TeamAccess access, AuditLog auditLog) {
        this.access = access;
        this.auditLog = auditLog;
    }

    @GetMapping("/teams/{teamId}/audit")
    String teamAudit(@PathVariable long teamId, @RequestParam(defaultValue = "0") int page, Model model) {
        TeamGrant grant = access.require(teamId, TeamRole.OWNER);
        model.addAttribute("team", grant);
        model.addAttribute("events", auditLog.teamEvents(teamId, page, PAGE_SIZE));
        return "teams/audit";
    }
}
