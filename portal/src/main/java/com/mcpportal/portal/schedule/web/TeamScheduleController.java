package com.mcpportal.portal.schedule.web;

import jakarta.servlet.http.HttpServletRequest;

import com.mcpportal.portal.schedule.Schedule;
import com.mcpportal.portal.schedule.ScheduleRejectedException;
import com.mcpportal.portal.schedule.ScheduleService;
import com.mcpportal.portal.schedule.ScheduleText;
import com.mcpportal.portal.team.TeamAccess;
import com.mcpportal.portal.team.TeamGrant;
import com.mcpportal.portal.team.TeamRole;

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

import com.mcpportal.portal.web.Flash;

/** The team's schedules: every environment with its next change, and the default new environments copy. */
@Controller
@RequestMapping("/teams/{teamId}/schedules")
class TeamScheduleController {

    private final TeamAccess access;
    private final ScheduleService schedules;
    private final SchedulePages pages;

    TeamScheduleController(TeamAccess access, ScheduleService schedules, SchedulePages pages) {
        this.access = access;
        this.schedules = schedules;
        this.pages = pages;
    }

    @InitBinder
    void disallowIds(WebDataBinder binder) {
        binder.setDisallowedFields("id", "teamId");
    }

    @GetMapping
    String team(@PathVariable long teamId, Model model, HttpServletRequest request) {
        return pages.team(model, access.require(teamId, TeamRole.VIEWER), ViewerZone.of(request));
    }

    @GetMapping("/default")
    String teamDefault(@PathVariable long teamId, Model model) {
        return pages.teamDefault(model, access.require(teamId, TeamRole.VIEWER), null);
    }

    /** "Keep hours in AWS" for the environments the team creates from now on. */
    @PostMapping("/default/mirror")
    String keepHoursInCloud(@PathVariable long teamId, @RequestParam(defaultValue = "false") boolean keep,
            RedirectAttributes redirect) {
        TeamGrant team = access.require(teamId, TeamRole.OPERATOR);
        if (team.archived()) {
            Flash.error(redirect, ScheduleErrors.ARCHIVED);
        } else {
            schedules.teamKeepsHoursInCloud(teamId, keep);
            Flash.success(redirect, keep ? "New environments of the team keep their hours in AWS; existing ones keep"
                    + " their own setting." : "New environments of the team no longer keep their hours in AWS;"
                    + " existing ones keep their own setting.");
        }
        return "redirect:/teams/" + teamId + "/schedules/default";
    }

    @PostMapping("/default")
    String saveTeamDefault(@PathVariable long teamId, @ModelAttribute("form") ScheduleForm form, BindingResult errors,
            @RequestParam(required = false) String preset, @RequestParam(required = false) String copy,
            Model model, RedirectAttributes redirect) {
        TeamGrant team = access.require(teamId, TeamRole.OPERATOR);
        if (ScheduleErrors.refuseArchived(team, errors)) {
            return pages.teamDefault(model, team, form);
        }
        ScheduleForm filled = SchedulePages.fill(form, preset, copy, model);
        if (filled != null) {
            return pages.teamDefault(model, team, filled);
        }
        ScheduleForm.Parsed parsed = form.parse();
        ScheduleErrors.reject(errors, parsed.errors());
        if (!errors.hasErrors()) {
            try {
                Schedule saved = schedules.replaceTeamDefault(teamId, parsed.schedule());
                Flash.success(redirect, "Saved the team's default schedule: " + ScheduleText.summary(saved)
                        + ". New environments start with it; existing ones keep their own.");
                return "redirect:/teams/" + teamId + "/schedules";
            } catch (ScheduleRejectedException rejected) {
                rejected.errors().forEach(error -> ScheduleErrors.reject(errors, ScheduleForm.fieldOf(error.field(),
                        parsed), error.message()));
            }
        }
        return pages.teamDefault(model, team, form);
    }
}
