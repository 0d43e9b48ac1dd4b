package com.mcpportal.portal.environment;

import com.mcpportal.portal.security.CurrentUser;
import com.mcpportal.portal.team.TeamAccess;
import com.mcpportal.portal.team.TeamRole;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The team's home: its environments at a glance; members and settings are one link away. */
@Controller
class TeamDashboardController {

    static final String VIEW = "environments/dashboard";

    private final TeamAccess access;
    private final TeamDashboard dashboard;

    TeamDashboardController(TeamAccess access, TeamDashboard dashboard) {
        this.access = access;
        this.dashboard = dashboard;
    }

    @GetMapping("/teams/{teamId}")
    String dashboard(@PathVariable long teamId, Model model) {
        TeamDashboard.View view = dashboard.of(access.require(teamId, TeamRole.VIEWER), CurrentUser.get().admin());
        model.addAttribute("team", view.team());
        model.addAttribute("dashboard", view);
        return VIEW;
    }
}
