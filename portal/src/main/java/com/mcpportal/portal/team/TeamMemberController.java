package com.mcpportal.portal.team;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import com.mcpportal.portal.team.TeamForms.AddMemberForm;
import com.mcpportal.portal.team.TeamForms.RoleForm;
import com.mcpportal.portal.team.TeamForms.TeamForm;
import com.mcpportal.portal.user.AccountSuggestion;
import com.mcpportal.portal.user.UserAccounts;
import com.mcpportal.portal.web.Flash;
import com.mcpportal.portal.web.InvalidInputException;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Owners add members by username, change their roles and remove them. The add form's picker asks
 * {@link #candidates} as the owner types (at least {@value #MIN_QUERY} characters, at most {@value #MAX_SUGGESTIONS}
 * answers), so the page never lists every account of the portal, and typing an exact username works without it.
 */
@Controller
@RequestMapping("/teams/{teamId}/members")
class TeamMemberController {

    static final int MIN_QUERY = 2;
    static final int MAX_SUGGESTIONS = 10;
    /** Longer than any username or e-mail address worth completing: nothing to look up. */
    private static final int MAX_QUERY = 100;

    private final TeamService teams;
    private final TeamAccess access;
    private final TeamController teamPage;
    private final UserAccounts users;

    TeamMemberController(TeamService teams, TeamAccess access, TeamController teamPage, UserAccounts users) {
        this.teams = teams;
        this.access = access;
        this.teamPage = teamPage;
        this.users = users;
    }

    /**
     * Enabled accounts not in the team whose username or provider e-mail starts with {@code q}, any case: owners only,
     * and too short a start answers nothing, so the accounts cannot be listed by asking for "a", "b", ….
     */
    @GetMapping(path = "/candidates", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    List<AccountSuggestion> candidates(@PathVariable long teamId, @RequestParam(defaultValue = "") String q) {
        access.require(teamId, TeamRole.OWNER);
        String prefix = q.strip();
        if (prefix.length() < MIN_QUERY || prefix.length() > MAX_QUERY) {
            return List.of();
        }
        Set<String> inTeam = teams.members(teamId).stream().map(MemberView::username).collect(Collectors.toSet());
        return users.suggest(prefix, inTeam, MAX_SUGGESTIONS);
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
