package com.mcpportal.portal.environment;

import jakarta.validation.Valid;

import com.mcpportal.portal.cloud.account.CloudAccounts;
import com.mcpportal.portal.team.TeamAccess;
import com.mcpportal.portal.team.TeamGrant;
import com.mcpportal.portal.team.TeamRole;
import com.mcpportal.portal.web.Flash;
import com.mcpportal.portal.web.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A team's environments: the list, creating and changing one, and its page (whose live part is polled). */
@Controller
@RequestMapping("/teams/{teamId}/environments")
class EnvironmentController {

    private final TeamAccess access;
    private final EnvironmentService environments;
    private final CloudAccounts accounts;
    private final EnvironmentPages pages;

    EnvironmentController(TeamAccess access, EnvironmentService environments, CloudAccounts accounts,
            EnvironmentPages pages) {
        this.access = access;
        this.environments = environments;
        this.accounts = accounts;
        this.pages = pages;
    }

    @InitBinder
    void disallowId(WebDataBinder binder) {
        binder.setDisallowedFields("id", "teamId");
    }

    @GetMapping
    String list(@PathVariable long teamId, Model model) {
        return pages.list(model, access.require(teamId, TeamRole.VIEWER));
    }

    @GetMapping("/new")
    String newForm(@PathVariable long teamId, Model model) {
        TeamGrant team = access.require(teamId, TeamRole.OPERATOR);
        return pages.form(model, team, null,
                EnvironmentForm.defaults(EnvironmentPages.defaultAccount(accounts.all()).orElse(null)));
    }

    @PostMapping
    String create(@PathVariable long teamId, @Valid @ModelAttribute("form") EnvironmentForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        TeamGrant team = access.require(teamId, TeamRole.OPERATOR);
        if (team.archived()) {
            errors.reject("archived", "This team is archived. Restore it to make changes.");
        }
        if (!errors.hasErrors()) {
            try {
                Environment created = environments.create(teamId, form.input());
                Flash.success(redirect, "Created " + created.getName() + " as a draft. Provision it to create its"
                        + " resources in the cloud.");
                return "redirect:/teams/" + teamId + "/environments/" + created.getId();
            } catch (InvalidInputException rejected) {
                reject(errors, rejected);
            }
        }
        // The key field never shows a value, so re-showing the form cannot echo it.
        return pages.form(model, team, null, form);
    }

    @GetMapping("/{environmentId}")
    String detail(@PathVariable long teamId, @PathVariable long environmentId, Model model) {
        TeamGrant team = access.require(teamId, TeamRole.VIEWER);
        return pages.detail(model, team, environments.get(teamId, environmentId));
    }

    /** The live part of the detail page alone, for the page's poller. */
    @GetMapping("/{environmentId}/live")
    String live(@PathVariable long teamId, @PathVariable long environmentId, Model model) {
        TeamGrant team = access.require(teamId, TeamRole.VIEWER);
        return pages.live(model, team, environments.get(teamId, environmentId));
    }

    @GetMapping("/{environmentId}/edit")
    String editForm(@PathVariable long teamId, @PathVariable long environmentId, Model model) {
        TeamGrant team = access.require(teamId, TeamRole.OPERATOR);
        Environment environment = environments.get(teamId, environmentId);
        return pages.form(model, team, environment, EnvironmentForm.of(environment));
    }

    @PostMapping("/{environmentId}/edit")
    String update(@PathVariable long teamId, @PathVariable long environmentId,
            @Valid @ModelAttribute("form") EnvironmentForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        TeamGrant team = access.require(teamId, TeamRole.OPERATOR);
        Environment environment = environments.get(teamId, environmentId);
        if (team.archived()) {
            errors.reject("archived", "This team is archived. Restore it to make changes.");
        }
        if (!errors.hasErrors()) {
            try {
                Environment saved = environments.update(teamId, environmentId, form.input());
                Flash.success(redirect, saved.getState() == EnvironmentState.READY
                        ? "Saved. Apply the changes to the running environment with \"Apply changes\"."
                        : "Saved.");
                return "redirect:/teams/" + teamId + "/environments/" + environmentId;
            } catch (InvalidInputException rejected) {
                reject(errors, rejected);
            }
        }
        return pages.form(model, team, environment, form);
    }

    private static void reject(BindingResult errors, InvalidInputException rejected) {
        if (rejected.field() == null) {
            errors.reject("rejected", rejected.getMessage());
        } else {
            errors.rejectValue(rejected.field(), "rejected", rejected.getMessage());
        }
    }
}
