package com.mcpportal.portal.team;

import jakarta.validation.Valid;

import com.mcpportal.portal.team.TeamForms.AddMemberForm;
import com.mcpportal.portal.team.TeamForms.GroupMappingForm;
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

/** Owners map identity-provider groups to roles in their team ({@link GroupMemberships}). */
@Controller
@RequestMapping("/teams/{teamId}/group-mappings")
class TeamGroupMappingController {

    private final GroupMemberships groups;
    private final TeamAccess access;
    private final TeamController teamPage;

    TeamGroupMappingController(GroupMemberships groups, TeamAccess access, TeamController teamPage) {
        this.groups = groups;
        this.access = access;
        this.teamPage = teamPage;
    }

    @PostMapping
    String add(@PathVariable long teamId, @Valid @ModelAttribute("groupMappingForm") GroupMappingForm form,
               BindingResult errors, Model model, RedirectAttributes redirect) {
        TeamGrant grant = access.require(teamId, TeamRole.OWNER);
        if (!errors.hasErrors()) {
            try {
                GroupMappingView added = groups.add(teamId, form.provider(), form.group(), form.role());
                Flash.success(redirect, "Members of " + added.group() + " at " + added.providerLabel() + " become "
                        + added.role().label() + " at their next sign-in.");
                return "redirect:" + TeamController.settingsPage(teamId);
            }
            catch (InvalidInputException rejected) {
                errors.rejectValue(rejected.field() == null ? "group" : rejected.field(), "rejected",
                        rejected.getMessage());
            }
        }
        return teamPage.showDetail(model, grant, new TeamForm(grant.teamName()), AddMemberForm.empty());
    }

    @PostMapping("/{mappingId}/delete")
    String delete(@PathVariable long teamId, @PathVariable long mappingId, RedirectAttributes redirect) {
        access.require(teamId, TeamRole.OWNER);
        return TeamPages.attempt(redirect, teamId, () -> groups.delete(teamId, mappingId),
                "Deleted the group mapping and the memberships it granted.");
    }
}
