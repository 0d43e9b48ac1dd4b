package com.mcpportal.portal.team;

import java.util.List;

import jakarta.validation.Valid;

import com.mcpportal.portal.security.CurrentUser;
import com.mcpportal.portal.team.TeamForms.AddMemberForm;
import com.mcpportal.portal.team.TeamForms.GroupMappingForm;
import com.mcpportal.portal.team.TeamForms.TeamForm;
import com.mcpportal.portal.web.Flash;
import com.mcpportal.portal.web.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The team list, creating teams, and one team's members and settings page with rename, archive and restore. The
 * team's home ({@code /teams/{id}}) is the environment feature's dashboard; this page is one link from it.
 */
@Controller
class TeamController {

    static final String LIST_VIEW = "teams/list";
    static final String DETAIL_VIEW = "teams/detail";

    /** Members and settings: rename, server updates, archive. */
    static String settingsPage(long teamId) {
        return "/teams/" + teamId + "/settings";
    }

    private final TeamService teams;
    private final TeamAccess access;
    private final GroupMemberships groups;

    TeamController(TeamService teams, TeamAccess access, GroupMemberships groups) {
        this.teams = teams;
        this.access = access;
        this.groups = groups;
    }

    @GetMapping("/teams")
    String list(Model model) {
        return showList(model, TeamForm.empty());
    }

    @PostMapping("/teams")
    String create(@Valid @ModelAttribute("form") TeamForm form, BindingResult errors, Model model,
                  RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                Team team = teams.create(form.name(), CurrentUser.get().id());
                Flash.success(redirect, "Created team " + team.getName() + ". You are its owner.");
                return "redirect:/teams/" + team.getId();
            }
            catch (InvalidInputException rejected) {
                errors.rejectValue(rejected.field(), "rejected", rejected.getMessage());
            }
        }
        return showList(model, form);
    }

    @GetMapping("/teams/{teamId}/settings")
    String detail(@PathVariable long teamId, Model model) {
        TeamGrant grant = access.require(teamId, TeamRole.VIEWER);
        return showDetail(model, grant, new TeamForm(grant.teamName()), AddMemberForm.empty());
    }

    @PostMapping("/teams/{teamId}/rename")
    String rename(@PathVariable long teamId, @Valid @ModelAttribute("renameForm") TeamForm form, BindingResult errors,
                  Model model, RedirectAttributes redirect) {
        TeamGrant grant = access.require(teamId, TeamRole.OWNER);
        if (!errors.hasErrors()) {
            try {
                teams.rename(teamId, form.name());
                Flash.success(redirect, "Renamed the team.");
                return "redirect:" + settingsPage(teamId);
            }
            catch (InvalidInputException rejected) {
                errors.rejectValue(rejected.field() == null ? "name" : rejected.field(), "rejected",
                        rejected.getMessage());
            }
        }
        return showDetail(model, grant, form, AddMemberForm.empty());
    }

    @PostMapping("/teams/{teamId}/archive")
    String archive(@PathVariable long teamId, RedirectAttributes redirect) {
        access.require(teamId, TeamRole.OWNER);
        return TeamPages.attempt(redirect, teamId, () -> teams.archive(teamId),
                "Archived the team. It is read-only until an owner restores it.");
    }

    @PostMapping("/teams/{teamId}/restore")
    String restore(@PathVariable long teamId, RedirectAttributes redirect) {
        access.require(teamId, TeamRole.OWNER);
        return TeamPages.attempt(redirect, teamId, () -> teams.restore(teamId), "Restored the team.");
    }

    private String showList(Model model, TeamForm form) {
        model.addAttribute("teams", teams.visibleTo(CurrentUser.get()));
        model.addAttribute("form", form);
        return LIST_VIEW;
    }

    /** Shared with {@link TeamMemberController}, which re-shows this page with its form errors. */
    String showDetail(Model model, TeamGrant grant, TeamForm renameForm, AddMemberForm addMemberForm) {
        model.addAttribute("team", grant);
        List<MemberView> members = teams.members(grant.teamId());
        model.addAttribute("members", members);
        model.addAttribute("roles", TeamRole.values());
        if (!model.containsAttribute("renameForm")) {
            model.addAttribute("renameForm", renameForm);
        }
        if (!model.containsAttribute("addMemberForm")) {
            model.addAttribute("addMemberForm", addMemberForm);
        }
        model.addAttribute("providers", groups.providers());
        model.addAttribute("groupMappings", groups.mappings(grant.teamId()));
        if (!model.containsAttribute("groupMappingForm")) {
            model.addAttribute("groupMappingForm", GroupMappingForm.empty());
        }
        return DETAIL_VIEW;
    }
}
