package com.mcpportal.portal.cost.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.quartz.JobDataMap;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

import com.mcpportal.portal.cost.PortalCostReport;
import com.mcpportal.portal.cost.TeamCostService;
import com.mcpportal.portal.cost.pricing.PriceRefreshJobConfiguration;
import com.mcpportal.portal.cost.pricing.PriceRefreshLog;
import com.mcpportal.portal.security.CurrentUser;
import com.mcpportal.portal.web.Flash;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Platform administrators: the whole portal's estimate per team and component, prices and their refreshes. */
@Controller
class AdminCostController {

    static final String VIEW = "costs/admin";

    private final TeamCostService costs;
    private final CostPanels panels;
    private final PriceRefreshLog refreshes;
    private final Scheduler scheduler;

    AdminCostController(TeamCostService costs, CostPanels panels, PriceRefreshLog refreshes, Scheduler scheduler) {
        this.costs = costs;
        this.panels = panels;
        this.refreshes = refreshes;
        this.scheduler = scheduler;
    }

    @GetMapping("/admin/costs")
    String show(Model model) {
        PortalCostReport report = costs.portal();
        Map<String, BigDecimal> byTeam = new LinkedHashMap<>();
        report.teams().forEach(team -> byTeam.put(team.teamName(), team.report().totalUsd()));
        model.addAttribute("report", report);
        model.addAttribute("prices", panels.priceStatus());
        model.addAttribute("refreshes", refreshes.recent(10));
        model.addAttribute("teamChart", BarChart.of("chart-teams", "Monthly cost per team", byTeam));
        model.addAttribute("componentChart", BarChart.perComponent(report.byComponent()));
        return VIEW;
    }

    /** Runs the daily refresh job now, on whichever portal instance picks it up; its run shows up in the list. */
    @PostMapping("/admin/costs/prices/refresh")
    String refreshNow(RedirectAttributes redirect) {
        JobDataMap data = new JobDataMap();
        data.put(PriceRefreshJobConfiguration.TRIGGERED_BY, "admin " + CurrentUser.get().getUsername());
        try {
            scheduler.triggerJob(PriceRefreshJobConfiguration.JOB, data);
            Flash.success(redirect, "Price refresh started. It takes a minute; reload this page to see its result.");
        } catch (SchedulerException e) {
            Flash.error(redirect, "The price refresh could not be started (" + e.getMessage() + "); try again.");
        }
        return "redirect:/admin/costs";
    }
}
