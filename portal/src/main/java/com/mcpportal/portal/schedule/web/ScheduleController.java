package com.mcpportal.portal.schedule.web;

import java.time.ZoneId;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import com.mcpportal.portal.cloud.TaskRange;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentService;
import com.mcpportal.portal.schedule.DateException;
import com.mcpportal.portal.schedule.ManualOverride;
import com.mcpportal.portal.schedule.Schedule;
import com.mcpportal.portal.schedule.ScheduleRejectedException;
import com.mcpportal.portal.schedule.ScheduleService;
import com.mcpportal.portal.schedule.ScheduleText;
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

/** An environment's schedule page: the grid, the coming changes, the editor and the override controls. */
@Controller
@RequestMapping("/teams/{teamId}/environments/{environmentId}/schedule")
class ScheduleController {

    private final TeamAccess access;
    private final EnvironmentService environments;
    private final ScheduleService schedules;
    private final SchedulePages pages;

    ScheduleController(TeamAccess access, EnvironmentService environments, ScheduleService schedules,
            SchedulePages pages) {
        this.access = access;
        this.environments = environments;
        this.schedules = schedules;
        this.pages = pages;
    }

    @InitBinder
    void disallowIds(WebDataBinder binder) {
        binder.setDisallowedFields("id", "teamId", "environmentId");
    }

    @GetMapping
    String show(@PathVariable long teamId, @PathVariable long environmentId, Model model, HttpServletRequest request) {
        TeamGrant team = access.require(teamId, TeamRole.VIEWER);
        return pages.editor(model, team, environments.get(teamId, environmentId), null, null, ViewerZone.of(request));
    }

    /** Saves the form; a preset or copy button (same form, so typed rows survive) fills the week unsaved instead. */
    @PostMapping
    String save(@PathVariable long teamId, @PathVariable long environmentId, @ModelAttribute("form") ScheduleForm form,
            BindingResult errors, @RequestParam(required = false) String preset,
            @RequestParam(required = false) String copy, Model model, RedirectAttributes redirect,
            HttpServletRequest request) {
        TeamGrant team = access.require(teamId, TeamRole.OPERATOR);
        Environment environment = environments.get(teamId, environmentId);
        if (ScheduleErrors.refuseArchived(team, errors)) {
            return pages.editor(model, team, environment, form, null, ViewerZone.of(request));
        }
        ScheduleForm filled = SchedulePages.fill(form, preset, copy, model);
        if (filled != null) {
            return pages.editor(model, team, environment, filled, null, ViewerZone.of(request));
        }
        ScheduleForm.Parsed parsed = form.parse();
        ScheduleErrors.reject(errors, parsed.errors());
        if (!errors.hasErrors()) {
            try {
                Schedule saved = schedules.replace(teamId, environmentId, parsed.schedule());
                Flash.success(redirect, "Saved the schedule of " + environment.getName() + ": "
                        + ScheduleText.summary(saved) + ".");
                return page(teamId, environmentId);
            } catch (ScheduleRejectedException rejected) {
                rejected.errors().forEach(error -> ScheduleErrors.reject(errors, ScheduleForm.fieldOf(error.field(),
                        parsed), error.message()));
            } catch (InvalidInputException rejected) {
                errors.reject("rejected", rejected.getMessage());
            }
        }
        return pages.editor(model, team, environment, form, null, ViewerZone.of(request));
    }

    /** Deletes one date exception, named by its first and last day, from the page's list of exceptions. */
    @PostMapping("/exceptions/delete")
    String deleteException(@PathVariable long teamId, @PathVariable long environmentId,
            @RequestParam(required = false) String first, @RequestParam(required = false) String last,
            RedirectAttributes redirect) {
        TeamGrant team = access.require(teamId, TeamRole.OPERATOR);
        environments.get(teamId, environmentId);
        if (team.archived()) {
            Flash.error(redirect, ScheduleErrors.ARCHIVED);
            return page(teamId, environmentId);
        }
        Schedule schedule = schedules.scheduleOf(teamId, environmentId).schedule();
        List<DateException> kept = schedule.exceptions().stream()
                .filter(exception -> !(exception.first().toString().equals(first)
                        && exception.last().toString().equals(last == null ? first : last))).toList();
        if (kept.size() == schedule.exceptions().size()) {
            Flash.error(redirect, "No exception from " + first + " to " + last + ": it was deleted already.");
            return page(teamId, environmentId);
        }
        String label = schedule.exceptions().stream().filter(exception -> !kept.contains(exception))
                .map(DateException::label).findFirst().orElse(first);
        try {
            schedules.replace(teamId, environmentId, schedule.withExceptions(kept));
            Flash.success(redirect, "Deleted the exception " + label + ".");
        } catch (InvalidInputException rejected) {
            Flash.error(redirect, rejected.getMessage());
        }
        return page(teamId, environmentId);
    }

    /** "Keep hours in AWS" on or off; the reconcile pass writes or removes the mirror within a minute. */
    @PostMapping("/mirror")
    String keepHoursInCloud(@PathVariable long teamId, @PathVariable long environmentId,
            @RequestParam(defaultValue = "false") boolean keep, RedirectAttributes redirect) {
        TeamGrant team = access.require(teamId, TeamRole.OPERATOR);
        Environment environment = environments.get(teamId, environmentId);
        if (team.archived()) {
            Flash.error(redirect, ScheduleErrors.ARCHIVED);
            return page(teamId, environmentId);
        }
        try {
            schedules.keepHoursInCloud(teamId, environmentId, keep);
        } catch (InvalidInputException refused) {
            Flash.error(redirect, refused.getMessage());
            return page(teamId, environmentId);
        }
        Flash.success(redirect, keep ? "The hours of " + environment.getName() + " are kept in AWS from the next"
                + " reconcile pass (within a minute), so they go on while the portal is down."
                : "The hours of " + environment.getName() + " are no longer kept in AWS; the next reconcile pass"
                        + " removes them there.");
        return page(teamId, environmentId);
    }

    /**
     * CPU autoscaling while the window is on: min and max tasks and a CPU target, or {@code off} for one task. The
     * cloud follows at the environment's next start or stop.
     */
    @PostMapping("/autoscaling")
    String setAutoscaling(@PathVariable long teamId, @PathVariable long environmentId,
            @ModelAttribute("autoscalingForm") AutoscalingForm form, BindingResult errors,
            @RequestParam(required = false) String off, Model model, RedirectAttributes redirect,
            HttpServletRequest request) {
        TeamGrant team = access.require(teamId, TeamRole.OPERATOR);
        Environment environment = environments.get(teamId, environmentId);
        if (team.archived()) {
            Flash.error(redirect, ScheduleErrors.ARCHIVED);
            return page(teamId, environmentId);
        }
        TaskRange range = null;
        if (off == null) {
            range = form.toRange(errors).orElse(null);
            if (range == null) {
                return pages.editor(model, team, environment, null, null, ViewerZone.of(request));
            }
        }
        environments.setAutoscaling(teamId, environmentId, range);
        Flash.success(redirect, range == null ? environment.getName() + " runs one task while on, from its next start."
                : environment.getName() + " runs " + range.minTasks() + " to " + range.maxTasks() + " tasks while on,"
                        + " scaled on CPU around " + range.cpuTargetPercent() + " %, from its next start.");
        return page(teamId, environmentId);
    }

    @PostMapping("/override")
    String setOverride(@PathVariable long teamId, @PathVariable long environmentId,
            @ModelAttribute("overrideForm") OverrideForm form, BindingResult errors, Model model,
            RedirectAttributes redirect, HttpServletRequest request) {
        TeamGrant team = access.require(teamId, TeamRole.OPERATOR);
        Environment environment = environments.get(teamId, environmentId);
        ZoneId zone = schedules.scheduleOf(teamId, environmentId).schedule().zone();
        if (!ScheduleErrors.refuseArchived(team, errors)) {
            if (form.state() == null) {
                errors.rejectValue("state", "required", "Choose keep on or keep off.");
            }
            ManualOverride override = form.toOverride(zone).orElse(null);
            if (override == null && form.state() != null) {
                errors.rejectValue("until", "invalid", "Give the date and time it ends, e.g. 2026-12-07T18:00 ("
                        + zone.getId() + ").");
            }
            if (!errors.hasErrors()) {
                try {
                    Schedule saved = schedules.setOverride(teamId, environmentId, override);
                    Flash.success(redirect, "Override set: " + ScheduleText.override(saved.override(), zone)
                            + "; then the schedule applies again.");
                    return page(teamId, environmentId);
                } catch (ScheduleRejectedException rejected) {
                    rejected.errors().forEach(error -> ScheduleErrors.reject(errors,
                            error.field().equals("override.until") ? "until" : null, error.message()));
                } catch (InvalidInputException rejected) {
                    errors.reject("rejected", rejected.getMessage());
                }
            }
        }
        return pages.editor(model, team, environment, null, form, ViewerZone.of(request));
    }

    /**
     * Ends an override, and with it a person's start or stop that holds until the next edge (the schedule changes, so
     * the scheduler acts at once). {@code back=environment}: "Resume schedule" on the environment page returns there.
     */
    @PostMapping("/override/clear")
    String clearOverride(@PathVariable long teamId, @PathVariable long environmentId,
            @RequestParam(required = false) String back, RedirectAttributes redirect) {
        TeamGrant team = access.require(teamId, TeamRole.OPERATOR);
        Environment environment = environments.get(teamId, environmentId);
        if (team.archived()) {
            Flash.error(redirect, ScheduleErrors.ARCHIVED);
        } else {
            try {
                schedules.clearOverride(teamId, environmentId);
                Flash.success(redirect, "Override cleared: " + environment.getName() + " follows its schedule again.");
            } catch (InvalidInputException rejected) {
                Flash.error(redirect, rejected.getMessage());
            }
        }
        return "environment".equals(back) ? "redirect:/teams/" + teamId + "/environments/" + environmentId
                : page(teamId, environmentId);
    }

    private static String page(long teamId, long environmentId) {
        return "redirect:/teams/" + teamId + "/environments/" + environmentId + "/schedule";
    }
}
