package com.mcpportal.portal.cost.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import com.mcpportal.portal.cost.CostFormat;
import com.mcpportal.portal.cost.SharedNetworkCosts;
import com.mcpportal.portal.cost.TeamCostReport;
import com.mcpportal.portal.cost.TeamCostService;
import com.mcpportal.portal.cost.budget.TeamBudget;
import com.mcpportal.portal.cost.budget.TeamBudgets;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A team's costs: the total, per environment and per component (tables and charts), and its monthly budget. */
@Controller
class TeamCostController {

    static final String VIEW = "costs/team";

    /** The budget form: dollars a month, empty for no budget. */
    record BudgetForm(String monthlyBudget) {
    }

    private final TeamAccess access;
    private final TeamCostService costs;
    private final TeamBudgets budgets;
    private final CostPanels panels;
    private final SharedNetworkCosts networkCosts;

    TeamCostController(TeamAccess access, TeamCostService costs, TeamBudgets budgets, CostPanels panels,
            SharedNetworkCosts networkCosts) {
        this.networkCosts = networkCosts;
        this.access = access;
        this.costs = costs;
        this.budgets = budgets;
        this.panels = panels;
    }

    @InitBinder("budgetForm")
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("monthlyBudget");
    }

    @GetMapping("/teams/{teamId}/costs")
    String show(@PathVariable long teamId, Model model) {
        TeamGrant team = access.require(teamId, TeamRole.VIEWER);
        TeamBudget budget = budgets.budgetOf(teamId).orElse(null);
        return page(model, team, new BudgetForm(budget == null ? "" : budget.monthlyUsd().toPlainString()));
    }

    @PostMapping("/teams/{teamId}/costs/budget")
    String setBudget(@PathVariable long teamId, @ModelAttribute("budgetForm") BudgetForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        TeamGrant team = access.require(teamId, TeamRole.OWNER);
        if (team.archived()) {
            Flash.error(redirect, "This team is archived and read-only; restore it to change its budget.");
            return "redirect:/teams/" + teamId + "/costs";
        }
        String text = form.monthlyBudget() == null ? "" : form.monthlyBudget().trim().replace("$", "").replace(",", "");
        try {
            BigDecimal amount = text.isEmpty() ? null : new BigDecimal(text);
            TeamBudget result = budgets.setBudget(teamId, amount).orElse(null);
            Flash.success(redirect, result == null ? "Removed the monthly budget."
                    : "Set the monthly budget to " + CostFormat.usdText(result.monthlyUsd()) + "."
                    + (result.overBudget() ? " The estimate is above it." : ""));
            return "redirect:/teams/" + teamId + "/costs";
        } catch (NumberFormatException e) {
            errors.rejectValue("monthlyBudget", "format", "Enter an amount in dollars, e.g. 25 or 25.50.");
        } catch (InvalidInputException rejected) {
            errors.rejectValue("monthlyBudget", "rejected", rejected.getMessage());
        }
        return page(model, team, form);
    }

    private String page(Model model, TeamGrant team, BudgetForm form) {
        TeamCostReport report = costs.team(team.teamId());
        Map<String, BigDecimal> byEnvironment = new LinkedHashMap<>();
        report.billed().forEach(e -> byEnvironment.put(e.environmentName(), e.monthlyUsd()));
        model.addAttribute("team", team);
        model.addAttribute("report", report);
        model.addAttribute("budget", budgets.budgetOf(team.teamId()).orElse(null));
        model.addAttribute("prices", panels.priceStatus());
        model.addAttribute("networkShares", networkCosts.teamShares(team.teamId()));
        model.addAttribute("networkMethod", SharedNetworkCosts.METHOD);
        model.addAttribute("componentChart", BarChart.perComponent(report.byComponent()));
        model.addAttribute("environmentChart", BarChart.of("chart-environments", "Monthly cost per environment",
                byEnvironment));
        if (!model.containsAttribute("budgetForm")) {
            model.addAttribute("budgetForm", form);
        }
        return VIEW;
    }
}
