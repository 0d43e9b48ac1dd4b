package com.mcpportal.portal.cost.web;

import com.mcpportal.portal.cost.EnvironmentCostService;
import com.mcpportal.portal.cost.TeamCostService;
import com.mcpportal.portal.cost.WhatIfPlan;
import com.mcpportal.portal.cost.budget.TeamBudgets;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentService;
import com.mcpportal.portal.team.TeamAccess;
import com.mcpportal.portal.team.TeamGrant;
import com.mcpportal.portal.team.TeamRole;
import com.mcpportal.portal.web.ConflictException;
import com.mcpportal.portal.web.InvalidInputException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Costs for automation: an environment's estimate and what-ifs (any member, like the cost page), the team's totals
 * (any member) and its monthly budget (owners). Same services and access checks as the pages.
 */
@RestController
@RequestMapping("/api/v1/teams/{teamId}")
class CostApiController {

    private final TeamAccess access;
    private final EnvironmentService environments;
    private final EnvironmentCostService costs;
    private final TeamCostService teamCosts;
    private final TeamBudgets budgets;
    private final CostPanels panels;

    CostApiController(TeamAccess access, EnvironmentService environments, EnvironmentCostService costs,
            TeamCostService teamCosts, TeamBudgets budgets, CostPanels panels) {
        this.access = access;
        this.environments = environments;
        this.costs = costs;
        this.teamCosts = teamCosts;
        this.budgets = budgets;
        this.panels = panels;
    }

    @GetMapping("/environments/{environmentId}/cost")
    EnvironmentCostResponse environmentCost(@PathVariable long teamId, @PathVariable long environmentId) {
        access.require(teamId, TeamRole.VIEWER);
        return EnvironmentCostResponse.of(costs.estimate(environments.get(teamId, environmentId)),
                panels.priceStatus());
    }

    /** Prices other settings or another schedule beside the current estimate; changes nothing. */
    @PostMapping("/environments/{environmentId}/cost/what-if")
    WhatIfResponse whatIf(@PathVariable long teamId, @PathVariable long environmentId,
            @RequestBody(required = false) WhatIfRequest request) {
        access.require(teamId, TeamRole.VIEWER);
        Environment environment = environments.get(teamId, environmentId);
        WhatIfPlan plan = (request == null ? WhatIfRequest.UNCHANGED : request)
                .plan(environment, costs.scheduleOf(environment));
        return WhatIfResponse.of(costs.estimate(environment), costs.whatIf(environment, plan), panels.priceStatus());
    }

    @GetMapping("/costs")
    TeamCostResponse teamCosts(@PathVariable long teamId) {
        access.require(teamId, TeamRole.VIEWER);
        return TeamCostResponse.of(teamCosts.team(teamId), budgets.budgetOf(teamId).orElse(null),
                panels.priceStatus());
    }

    /** Sets the monthly budget (audited) and checks the team against it at once. */
    @PutMapping("/budget")
    TeamCostResponse.Budget setBudget(@PathVariable long teamId, @RequestBody(required = false) BudgetRequest request) {
        requireWritableOwner(teamId);
        try {
            return TeamCostResponse.Budget.of(budgets.setBudget(teamId,
                    (request == null ? new BudgetRequest(null) : request).amount()).orElseThrow());
        }
        catch (InvalidInputException rejected) {
            // The service names the page's form field; the API's field is monthlyUsd.
            throw new InvalidInputException("monthlyUsd", rejected.getMessage());
        }
    }

    @DeleteMapping("/budget")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeBudget(@PathVariable long teamId) {
        requireWritableOwner(teamId);
        budgets.setBudget(teamId, null);
    }

    private void requireWritableOwner(long teamId) {
        TeamGrant team = access.require(teamId, TeamRole.OWNER);
        if (team.archived()) {
            throw new ConflictException("This team is archived and read-only; restore it to change its budget.");
        }
    }
}
