package com.mcpportal.portal.cost.web;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.mcpportal.portal.cloud.Architecture;
import com.mcpportal.portal.cloud.FargateSize;
import com.mcpportal.portal.cost.EnvironmentCostService;
import com.mcpportal.portal.cost.EnvironmentEstimate;
import com.mcpportal.portal.cost.SchedulePreset;
import com.mcpportal.portal.cost.SharedNetworkCosts;
import com.mcpportal.portal.cost.WhatIfPlan;
import com.mcpportal.portal.cost.WhatIfPlanner;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentService;
import com.mcpportal.portal.environment.EnvironmentSpec;
import com.mcpportal.portal.team.TeamAccess;
import com.mcpportal.portal.team.TeamGrant;
import com.mcpportal.portal.team.TeamRole;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An environment's cost page: its estimate per component, the same 24/7, the NAT gateway comparison, and a
 * what-if sent with GET that prices other settings or another schedule without changing the environment.
 */
@Controller
class EnvironmentCostController {

    static final String VIEW = "costs/environment";

    /** Monday first, as the custom hours bind ({@code start[0]} is Monday). */
    private static final List<String> DAYS = Arrays.stream(DayOfWeek.values())
            .map(day -> day.getDisplayName(TextStyle.FULL, Locale.ENGLISH)).toList();

    private final TeamAccess access;
    private final EnvironmentService environments;
    private final EnvironmentCostService costs;
    private final CostPanels panels;
    private final SharedNetworkCosts networkCosts;

    EnvironmentCostController(TeamAccess access, EnvironmentService environments, EnvironmentCostService costs,
            CostPanels panels, SharedNetworkCosts networkCosts) {
        this.networkCosts = networkCosts;
        this.access = access;
        this.environments = environments;
        this.costs = costs;
        this.panels = panels;
    }

    @InitBinder("whatIf")
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("submitted", "size", "architecture", "fargateSpot", "natInstanceType", "natSpot",
                "schedule", "start[*]", "end[*]");
    }

    @GetMapping("/teams/{teamId}/environments/{environmentId}/costs")
    String show(@PathVariable long teamId, @PathVariable long environmentId,
            @ModelAttribute("whatIf") WhatIfForm form, BindingResult errors,
            @RequestParam(name = "moveInto", required = false) String moveInto, Model model) {
        TeamGrant team = access.require(teamId, TeamRole.VIEWER);
        Environment environment = environments.get(teamId, environmentId);
        EnvironmentEstimate current = costs.estimate(environment);
        if (!form.isSubmitted()) {
            model.addAttribute("whatIf", WhatIfForm.of(environment));
        } else {
            Optional<WhatIfPlan> plan = WhatIfPlanner.plan(form, environment, costs.scheduleOf(environment), errors);
            plan.ifPresent(p -> model.addAttribute("whatIfEstimate", costs.whatIf(environment, p)));
            model.addAttribute("whatIfErrors", errors.getFieldErrors().stream().map(EnvironmentCostController::message)
                    .distinct().toList());
        }
        model.addAttribute("team", team);
        model.addAttribute("environment", environment);
        model.addAttribute("estimate", current);
        model.addAttribute("networkShare", current.network());
        model.addAttribute("networkMethod", SharedNetworkCosts.METHOD);
        moveWhatIf(environment, moveInto, model);
        model.addAttribute("prices", panels.priceStatus());
        model.addAttribute("sizes", sizes());
        model.addAttribute("architectures", Architecture.values());
        model.addAttribute("natTypes", EnvironmentSpec.natInstanceTypes());
        model.addAttribute("presets", SchedulePreset.values());
        model.addAttribute("days", DAYS);
        return VIEW;
    }

    /**
     * "What if it were moved into network X": the networks it may be moved into, and when one is chosen, its cost
     * there; a choice that is not one of them is said beside the field.
     */
    private void moveWhatIf(Environment environment, String moveInto, Model model) {
        List<SharedNetworkCosts.NetworkChoice> choices = networkCosts.moveChoices(environment);
        model.addAttribute("moveChoices", choices);
        if (moveInto == null || moveInto.isBlank()) {
            return;
        }
        model.addAttribute("moveInto", moveInto.trim());
        Optional<SharedNetworkCosts.NetworkChoice> choice = choices.stream()
                .filter(c -> Long.toString(c.networkId()).equals(moveInto.trim())).findFirst();
        if (choice.isEmpty()) {
            model.addAttribute("moveError", "Choose one of the listed networks: those this team may use in the"
                    + " environment's account and region.");
            return;
        }
        networkCosts.ifMovedInto(environment, choice.get().networkId()).ifPresentOrElse(
                share -> model.addAttribute("moveEstimate", share),
                () -> model.addAttribute("moveError", "No price is known for network " + choice.get().networkName()
                        + " or one of its environments."));
    }

    /** Spring's own conversion messages name Java types; say it in words instead. */
    private static String message(FieldError error) {
        return error.isBindingFailure() ? "'" + error.getRejectedValue() + "' is not a choice the form offers."
                : error.getDefaultMessage();
    }

    private static Map<String, String> sizes() {
        return FargateSize.all().stream().filter(size -> size.cpu() <= 4096)
                .collect(Collectors.toMap(WhatIfForm::sizeValue,
                        size -> size.vcpuLabel() + " vCPU, " + size.memoryGbLabel() + " GB", (a, b) -> a,
                        LinkedHashMap::new));
    }
}
