package com.mcpportal.portal.environment;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import com.mcpportal.portal.cloud.account.CloudAccounts;
import com.mcpportal.portal.team.TeamAccess;
import com.mcpportal.portal.team.TeamGrant;
import com.mcpportal.portal.team.TeamRole;
import com.mcpportal.portal.web.Flash;
import com.mcpportal.portal.web.InvalidFieldsException.FieldMessage;
import com.mcpportal.portal.web.InvalidInputException;
import com.mcpportal.portal.web.KeptSecrets;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A team's environments: the list, creating and changing one, and its page (whose live part is polled). */
@Controller
@RequestMapping("/teams/{teamId}/environments")
class EnvironmentController {

    private final TeamAccess access;
    private final EnvironmentService environments;
    private final CloudAccounts accounts;
    private final EnvironmentPages pages;
    private final KeptSecrets kept;

    EnvironmentController(TeamAccess access, EnvironmentService environments, CloudAccounts accounts,
            EnvironmentPages pages, KeptSecrets kept) {
        this.kept = kept;
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
            BindingResult errors, @RequestParam(required = false) String keptKey, HttpSession session, Model model,
            RedirectAttributes redirect) {
        TeamGrant team = access.require(teamId, TeamRole.OPERATOR);
        if (team.archived()) {
            errors.reject("archived", "This team is archived. Restore it to make changes.");
        }
        EnvironmentForm entered = checked(form, keptKey, true, errors, session);
        if (!errors.hasErrors()) {
            try {
                Environment created = environments.create(teamId, entered.input());
                kept.forget(session, keptKey);
                Flash.success(redirect, "Created " + created.getName() + " as a draft. Provision it to create its"
                        + " resources in the cloud.");
                return "redirect:/teams/" + teamId + "/environments/" + created.getId();
            } catch (InvalidInputException rejected) {
                reject(errors, rejected);
            }
        }
        return reshow(model, team, null, form, entered, keptKey, errors, session);
    }

    @GetMapping("/{environmentId}")
    String detail(@PathVariable long teamId, @PathVariable long environmentId, Model model) {
        TeamGrant team = access.require(teamId, TeamRole.VIEWER);
        return pages.detail(model, team, environmentId);
    }

    /** The live part of the detail page alone, for the page's poller. */
    @GetMapping("/{environmentId}/live")
    String live(@PathVariable long teamId, @PathVariable long environmentId, Model model) {
        TeamGrant team = access.require(teamId, TeamRole.VIEWER);
        return pages.live(model, team, environmentId);
    }

    @GetMapping("/{environmentId}/edit")
    String editForm(@PathVariable long teamId, @PathVariable long environmentId, Model model,
            RedirectAttributes redirect) {
        TeamGrant team = access.require(teamId, TeamRole.OPERATOR);
        Environment environment = environments.get(teamId, environmentId);
        if (environment.getState() == EnvironmentState.DELETED) {
            // A deleted environment is a read-only record: its page keeps the history, it has no settings to change.
            Flash.error(redirect, "This environment is deleted; its settings can no longer change.");
            return "redirect:/teams/" + teamId + "/environments/" + environmentId;
        }
        return pages.form(model, team, environment, EnvironmentForm.of(environment));
    }

    @PostMapping("/{environmentId}/edit")
    String update(@PathVariable long teamId, @PathVariable long environmentId,
            @Valid @ModelAttribute("form") EnvironmentForm form, BindingResult errors,
            @RequestParam(required = false) String keptKey, HttpSession session, Model model,
            RedirectAttributes redirect) {
        TeamGrant team = access.require(teamId, TeamRole.OPERATOR);
        Environment environment = environments.get(teamId, environmentId);
        if (team.archived()) {
            errors.reject("archived", "This team is archived. Restore it to make changes.");
        }
        EnvironmentForm entered = checked(form, keptKey, false, errors, session);
        if (!errors.hasErrors()) {
            try {
                Environment saved = environments.update(teamId, environmentId, entered.input());
                kept.forget(session, keptKey);
                Flash.success(redirect, saved.getState() == EnvironmentState.READY
                        ? "Saved. Apply the changes to the running environment with \"Apply changes\"."
                        : "Saved.");
                return "redirect:/teams/" + teamId + "/environments/" + environmentId;
            } catch (InvalidInputException rejected) {
                reject(errors, rejected);
            }
        }
        return reshow(model, team, environment, form, entered, keptKey, errors, session);
    }

    /**
     * The form with the key kept from a refused try (when none was typed this time), and every rule's problem beside
     * its field at once, not only the first the service would name.
     */
    private EnvironmentForm checked(EnvironmentForm form, String keptKey, boolean keyRequired, BindingResult errors,
            HttpSession session) {
        EnvironmentForm entered = form;
        if (form.elevenLabsApiKey() == null || form.elevenLabsApiKey().isBlank()) {
            Optional<String> key = kept.find(session, keptKey);
            if (key.isPresent()) {
                entered = form.withKey(key.get());
            } else if (keptKey != null && !keptKey.isBlank()) {
                errors.rejectValue("elevenLabsApiKey", "expired", "The key you entered earlier was kept for "
                        + KeptSecrets.KEPT_FOR.toMinutes() + " minutes and has been forgotten: enter it again.");
            }
        }
        // A field the annotations already refused keeps that one message; the rules may name several (every CIDR).
        Set<String> refused = errors.getFieldErrors().stream().map(FieldError::getField).collect(Collectors.toSet());
        for (FieldMessage problem : EnvironmentRules.problems(entered.input(), keyRequired)) {
            if (!refused.contains(problem.field())) {
                errors.rejectValue(problem.field(), "rejected", problem.message());
            }
        }
        return entered;
    }

    /** The form again with what was typed; a well-formed key is held server-side, the page names only its handle. */
    private String reshow(Model model, TeamGrant team, Environment environment, EnvironmentForm form,
            EnvironmentForm entered, String keptKey, BindingResult errors, HttpSession session) {
        String key = entered.elevenLabsApiKey();
        if (key != null && !key.isBlank() && !errors.hasFieldErrors("elevenLabsApiKey")) {
            kept.forget(session, keptKey);
            model.addAttribute("keptKey", kept.keep(session, key.trim()));
            model.addAttribute("keptMinutes", KeptSecrets.KEPT_FOR.toMinutes());
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
