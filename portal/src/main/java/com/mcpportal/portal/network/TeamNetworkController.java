package com.mcpportal.portal.network;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A team's networks: those it owns and those an administrator shared with it. Viewers see them with their hours and
 * cost split, operators put draft environments in and take them out, owners create and delete the team's own.
 */
@Controller
class TeamNetworkController {

    private final TeamAccess access;
    private final Networks networks;
    private final NetworkPages pages;

    TeamNetworkController(TeamAccess access, Networks networks, NetworkPages pages) {
        this.access = access;
        this.networks = networks;
        this.pages = pages;
    }

    @InitBinder("form")
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("name", "cloudAccountId", "region", "vpcCidr", "azCount", "natPerAz");
    }

    @GetMapping("/teams/{teamId}/networks")
    String list(@PathVariable long teamId, Model model) {
        TeamGrant team = access.require(teamId, TeamRole.VIEWER);
        return list(model, team, pages.emptyForm());
    }

    @PostMapping("/teams/{teamId}/networks")
    String create(@PathVariable long teamId, @ModelAttribute("form") NetworkForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        TeamGrant team = access.require(teamId, TeamRole.OWNER);
        if (team.archived()) {
            Flash.error(redirect, "This team is archived and read-only; restore it to create networks.");
            return "redirect:/teams/" + teamId + "/networks";
        }
        if (!errors.hasErrors()) {
            try {
                Network network = networks.createForTeam(teamId, form.input());
                Flash.success(redirect, "Created the network " + network.name() + ". Put draft environments in it"
                        + " below; it is built with the first one provisioned.");
                return "redirect:/teams/" + teamId + "/networks/" + network.id();
            } catch (InvalidInputException rejected) {
                NetworkPages.reject(errors, rejected);
            }
        }
        return list(model, team, form);
    }

    @GetMapping("/teams/{teamId}/networks/{networkId}")
    String detail(@PathVariable long teamId, @PathVariable long networkId, Model model) {
        TeamGrant team = access.require(teamId, TeamRole.VIEWER);
        model.addAttribute("team", team);
        return pages.detail(model, networks.get(teamId, networkId), teamId);
    }

    @PostMapping("/teams/{teamId}/networks/{networkId}/environments")
    String add(@PathVariable long teamId, @PathVariable long networkId, @RequestParam(required = false) Long environmentId,
            RedirectAttributes redirect) {
        access.require(teamId, TeamRole.OPERATOR);
        Network network = networks.get(teamId, networkId);
        if (environmentId == null) {
            Flash.error(redirect, "Choose a draft environment to put in the network.");
        } else {
            try {
                networks.addEnvironment(teamId, networkId, environmentId);
                Flash.success(redirect, "The environment is in " + network.name() + " now; it gets its own private"
                        + " subnet and security group there when provisioned.");
            } catch (InvalidInputException rejected) {
                Flash.error(redirect, rejected.getMessage());
            }
        }
        return "redirect:/teams/" + teamId + "/networks/" + networkId;
    }

    @PostMapping("/teams/{teamId}/networks/{networkId}/environments/{environmentId}/remove")
    String remove(@PathVariable long teamId, @PathVariable long networkId, @PathVariable long environmentId,
            RedirectAttributes redirect) {
        access.require(teamId, TeamRole.OPERATOR);
        networks.get(teamId, networkId);
        try {
            networks.removeEnvironment(teamId, networkId, environmentId);
            Flash.success(redirect, "The environment has its own network again.");
        } catch (InvalidInputException rejected) {
            Flash.error(redirect, rejected.getMessage());
        }
        return "redirect:/teams/" + teamId + "/networks/" + networkId;
    }

    @PostMapping("/teams/{teamId}/networks/{networkId}/delete")
    String delete(@PathVariable long teamId, @PathVariable long networkId, RedirectAttributes redirect) {
        access.require(teamId, TeamRole.OWNER);
        Network network = networks.get(teamId, networkId);
        try {
            networks.deleteForTeam(teamId, networkId);
            Flash.success(redirect, "Deleted the network " + network.name() + ".");
            return "redirect:/teams/" + teamId + "/networks";
        } catch (InvalidInputException rejected) {
            Flash.error(redirect, rejected.getMessage());
            return "redirect:/teams/" + teamId + "/networks/" + networkId;
        }
    }

    private String list(Model model, TeamGrant team, NetworkForm form) {
        model.addAttribute("team", team);
        model.addAttribute("networks", networks.usableBy(team.teamId()));
        if (!model.containsAttribute("form")) {
            // A refused form keeps its binding result (the errors beside the fields) only if it is not replaced.
            model.addAttribute("form", form);
        }
        model.addAttribute("admin", false);
        pages.choices(model);
        return NetworkPages.LIST_VIEW;
    }
}
