package com.mcpportal.portal.apikey.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import com.mcpportal.portal.apikey.AlreadyIssuedException;
import com.mcpportal.portal.apikey.ApiKeyService;
import com.mcpportal.portal.apikey.ApiKeyView;
import com.mcpportal.portal.apikey.GracePeriod;
import com.mcpportal.portal.apikey.IssuedKey;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A team's API keys: every member sees the list (metadata only); owners issue, roll, revoke and see a rotated key
 * once. Issuing, rolling and revealing answer with the key's one-time page directly, never through a redirect.
 */
@Controller
@RequestMapping("/teams/{teamId}/api-keys")
class ApiKeyController {

    private static final String ARCHIVED = "This team is archived. Restore it to make changes.";

    private final TeamAccess access;
    private final ApiKeyService keys;
    private final ApiKeyPages pages;

    ApiKeyController(TeamAccess access, ApiKeyService keys, ApiKeyPages pages) {
        this.access = access;
        this.keys = keys;
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
    String newForm(@PathVariable long teamId, Model model, RedirectAttributes redirect) {
        TeamGrant team = access.require(teamId, TeamRole.OWNER);
        if (team.archived()) {
            Flash.error(redirect, ARCHIVED);
            return listUrl(teamId);
        }
        return pages.form(model, team, ApiKeyForm.defaults(keys.defaultLifetime()));
    }

    @PostMapping
    String issue(@PathVariable long teamId, @Valid @ModelAttribute("form") ApiKeyForm form, BindingResult errors,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        TeamGrant team = access.require(teamId, TeamRole.OWNER);
        if (team.archived()) {
            errors.reject("archived", ARCHIVED);
        }
        if (!errors.hasErrors()) {
            try {
                return pages.issued(model, response, team, keys.issue(teamId, form.command()), "issued", null);
            } catch (InvalidInputException rejected) {
                reject(errors, rejected);
            } catch (AlreadyIssuedException again) {
                Flash.error(redirect, again.getMessage());
                return listUrl(teamId);
            }
        }
        return pages.form(model, team, form);
    }

    @PostMapping("/{keyId}/revoke")
    String revoke(@PathVariable long teamId, @PathVariable long keyId, RedirectAttributes redirect) {
        access.require(teamId, TeamRole.OWNER);
        try {
            ApiKeyView revoked = keys.revoke(teamId, keyId);
            Flash.success(redirect, "Revoked key " + revoked.publicId() + " (" + revoked.name() + "). The MCP servers"
                    + " refuse it within their reload interval (30 seconds by default).");
        } catch (InvalidInputException rejected) {
            Flash.error(redirect, rejected.getMessage());
        }
        return listUrl(teamId);
    }

    @PostMapping("/{keyId}/roll")
    String roll(@PathVariable long teamId, @PathVariable long keyId,
            @RequestParam(required = false) GracePeriod grace, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        TeamGrant team = access.require(teamId, TeamRole.OWNER);
        ApiKeyView old = keys.get(teamId, keyId);
        if (team.archived()) {
            Flash.error(redirect, ARCHIVED);
            return listUrl(teamId);
        }
        if (grace == null) {
            Flash.error(redirect, "Choose how long the old key keeps working.");
            return listUrl(teamId);
        }
        try {
            IssuedKey rolled = keys.roll(teamId, keyId, grace.duration());
            return pages.issued(model, response, team, rolled, "rolled", keys.get(teamId, old.id()));
        } catch (InvalidInputException rejected) {
            Flash.error(redirect, rejected.getMessage());
            return listUrl(teamId);
        }
    }

    /** The key the rotation job made, shown to the first owner who asks and then forgotten. */
    @PostMapping("/{keyId}/reveal")
    String reveal(@PathVariable long teamId, @PathVariable long keyId, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        TeamGrant team = access.require(teamId, TeamRole.OWNER);
        ApiKeyView key = keys.get(teamId, keyId);
        return keys.revealRotated(teamId, keyId)
                .map(rotated -> pages.issued(model, response, team, rotated, "rotated",
                        rotated.key().rolledFromId() == null ? null : keys.get(teamId, rotated.key().rolledFromId())))
                .orElseGet(() -> {
                    Flash.error(redirect, "Key " + key.publicId() + " was already shown to an owner of this team"
                            + " (each rotated key is shown once). If nobody copied it, roll it again.");
                    return listUrl(teamId);
                });
    }

    private static String listUrl(long teamId) {
        return "redirect:/teams/" + teamId + "/api-keys";
    }

    private static void reject(BindingResult errors, InvalidInputException rejected) {
        if (rejected.field() == null) {
            errors.reject("rejected", rejected.getMessage());
        } else {
            errors.rejectValue(rejected.field(), "rejected", rejected.getMessage());
        }
    }
}
