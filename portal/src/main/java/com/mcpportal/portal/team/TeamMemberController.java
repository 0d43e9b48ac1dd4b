package com.mcpportal.portal.team;

import jakarta.validation.Valid;

import com.mcpportal.portal.team.TeamForms.AddMemberForm;
import com.mcpportal.portal.team.TeamForms.RoleForm;
import com.mcpportal.portal.team.TeamForms.TeamForm;
import com.mcpportal.portal.web.Flash;
import com.mcpportal.portal.web.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Owners add members by username, change their roles and remove them. */
@Controller
@RequestMapping("/teams/{teamId}/members")
class TeamMemberController {

    private final TeamService teams;
    private final TeamAccess access;
    private final TeamController teamPage;

    TeamMemberController(TeamService teams, TeamAccess access, TeamController teamPage) {
        this.teams = teams;
        this.access = access;
        this.teamPage = teamPage;
    }

    @PostMapping
    String add(@PathVariable long teamId, @Valid @ModelAttribute("addMemberForm") AddMemberForm form,
               BindingResult errors, Model model, RedirectAttributes redirect) {
        TeamGrant grant = access.require(teamId, TeamRole.OWNER);
        if (!errors.hasErrors()) {
            try {
                MemberView added = teams.addMember(teamId, form.username(), form.role());
                Flash.success(redirect, "Added " + added.username() + " as " + added.role().label() + ".");
                return "redirect:" + TeamController.settingsPage(teamId);
            }
            catch (InvalidInputException rejected) {
                errors.rejectValue(rejected.field() == null ? "username" : rejected.field(), "rejected",
                        rejected.getMessage());
            }
        }
        return teamPage.showDetail(model, grant, new TeamForm(grant.teamName()), form);
    }

    @PostMapping("/{userId}/role")
    String changeRole(@PathVariable long teamId, @PathVariable long userId, @Valid RoleForm form,
                      BindingResult errors, RedirectAttributes redirect) {
        access.require(teamId, TeamRole.OWNER);
        if (errors.hasErrors()) {
            Flash.error(redirect, "Choose one of the roles.");
            return "redirect:" + TeamController.settingsPage(teamId);
        }
        return TeamPages.attempt(redirect, teamId, () -> teams.changeRole(teamId, userId, form.role()),
                "Changed the role to " + form.role().label() + ".");
    }

    @PostMapping("/{userId}/remove")
    String remove(@PathVariable long teamId, @PathVariable long userId, RedirectAttributes redirect) {
        access.require(teamId, TeamRole.OWNER);
        return TeamPages.attempt(redirect, teamId, () -> teams.removeMember(teamId, userId), "Removed the member.");
    }
}
