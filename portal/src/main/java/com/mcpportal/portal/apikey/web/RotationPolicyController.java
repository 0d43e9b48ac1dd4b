package com.mcpportal.portal.apikey.web;

import jakarta.validation.Valid;

import com.mcpportal.portal.apikey.KeyRotation;
import com.mcpportal.portal.team.TeamAccess;
import com.mcpportal.portal.team.TeamGrant;
import com.mcpportal.portal.team.TeamRole;
import com.mcpportal.portal.web.Flash;
import com.mcpportal.portal.web.InvalidInputException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A team's key rotation policy: members read it, owners set or remove it. */
@Controller
@RequestMapping("/teams/{teamId}/api-keys/rotation")
class RotationPolicyController {

    private final TeamAccess access;
    private final KeyRotation rotation;
    private final ApiKeyPages pages;

    RotationPolicyController(TeamAccess access, KeyRotation rotation, ApiKeyPages pages) {
        this.access = access;
        this.rotation = rotation;
        this.pages = pages;
    }

    @GetMapping
    String show(@PathVariable long teamId, Model model) {
        TeamGrant team = access.require(teamId, TeamRole.VIEWER);
        return pages.rotation(model, team, RotationPolicyForm.of(rotation.policy(teamId).orElse(null)));
    }

    @PostMapping
    String set(@PathVariable long teamId, @Valid @ModelAttribute("form") RotationPolicyForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        TeamGrant team = access.require(teamId, TeamRole.OWNER);
        if (team.archived()) {
            errors.reject("archived", "This team is archived. Restore it to make changes.");
        }
        if (!errors.hasErrors()) {
            try {
                rotation.setPolicy(teamId, form.everyDays(), form.grace());
                Flash.success(redirect, "Keys older than " + form.everyDays() + " days are rolled by the daily job;"
                        + " the old key keeps working for " + form.grace().label().toLowerCase() + ".");
                return "redirect:/teams/" + teamId + "/api-keys";
            } catch (InvalidInputException rejected) {
                errors.rejectValue(rejected.field(), "rejected", rejected.getMessage());
            }
        }
        return pages.rotation(model, team, form);
    }

    @PostMapping("/remove")
    String remove(@PathVariable long teamId, RedirectAttributes redirect) {
        TeamGrant team = access.require(teamId, TeamRole.OWNER);
        if (team.archived()) {
            Flash.error(redirect, "This team is archived. Restore it to make changes.");
        } else {
            rotation.removePolicy(teamId);
            Flash.success(redirect, "Rotation is off: keys are rolled only by hand.");
        }
        return "redirect:/teams/" + teamId + "/api-keys";
    }
}
