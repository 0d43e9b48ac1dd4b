package com.mcpportal.portal.network;

import com.mcpportal.portal.security.CurrentUser;
import com.mcpportal.portal.team.TeamService;
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

/** Administrators see every network and create networks shared with chosen teams ({@code /admin/**}). */
@Controller
@RequestMapping("/admin/networks")
class AdminNetworkController {

    private final Networks networks;
    private final NetworkPages pages;
    private final TeamService teams;

    AdminNetworkController(Networks networks, NetworkPages pages, TeamService teams) {
        this.networks = networks;
        this.pages = pages;
        this.teams = teams;
    }

    @InitBinder("form")
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("name", "cloudAccountId", "region", "vpcCidr", "azCount", "natPerAz", "sharedWith");
    }

    @GetMapping
    String list(Model model) {
        return list(model, pages.emptyForm());
    }

    @PostMapping
    String create(@ModelAttribute("form") NetworkForm form, BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                Network network = networks.createShared(form.input());
                Flash.success(redirect, "Created the shared network " + network.name() + ".");
                return "redirect:/admin/networks/" + network.id();
            } catch (InvalidInputException rejected) {
                NetworkPages.reject(errors, rejected);
            }
        }
        return list(model, form);
    }

    @GetMapping("/{networkId}")
    String detail(@PathVariable long networkId, Model model) {
        return pages.detail(model, networks.get(networkId), null);
    }

    @PostMapping("/{networkId}/delete")
    String delete(@PathVariable long networkId, RedirectAttributes redirect) {
        Network network = networks.get(networkId);
        try {
            networks.delete(networkId);
            Flash.success(redirect, "Deleted the network " + network.name() + ".");
            return "redirect:/admin/networks";
        } catch (InvalidInputException rejected) {
            Flash.error(redirect, rejected.getMessage());
            return "redirect:/admin/networks/" + networkId;
        }
    }

    private String list(Model model, NetworkForm form) {
        model.addAttribute("networks", networks.all());
        if (!model.containsAttribute("form")) {
            // A refused form keeps its binding result (the errors beside the fields) only if it is not replaced.
            model.addAttribute("form", form);
        }
        model.addAttribute("admin", true);
        model.addAttribute("teams", teams.visibleTo(CurrentUser.get()));
        pages.choices(model);
        return NetworkPages.LIST_VIEW;
    }
}
