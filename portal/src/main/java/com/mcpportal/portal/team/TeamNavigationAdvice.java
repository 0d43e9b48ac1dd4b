package com.mcpportal.portal.team;

import java.util.List;

import com.mcpportal.portal.security.CurrentUser;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user's active teams into every page's navigation as {@code navTeams}. */
@ControllerAdvice
class TeamNavigationAdvice {

    private final TeamService teams;

    TeamNavigationAdvice(TeamService teams) {
        this.teams = teams;
    }

    @ModelAttribute("navTeams")
    List<TeamSummary> navTeams() {
        return CurrentUser.find()
                .map(user -> teams.memberships(user.id()).stream().filter(team -> !team.archived()).toList())
                .orElse(List.of());
    }
}
