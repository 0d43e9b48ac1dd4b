package com.mcpportal.portal.schedule.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentService;
import com.mcpportal.portal.schedule.PowerState;
import com.mcpportal.portal.schedule.Schedule;
import com.mcpportal.portal.schedule.ScheduleService;
import com.mcpportal.portal.schedule.ScheduleText;
import com.mcpportal.portal.schedule.StoredSchedule;
import com.mcpportal.portal.schedule.Transition;
import com.mcpportal.portal.schedule.power.PowerDecision;
import com.mcpportal.portal.schedule.power.ReadyEnvironment;
import com.mcpportal.portal.schedule.power.ReadyEnvironments;
import com.mcpportal.portal.team.TeamGrant;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/** Fills the models of the schedule pages: an environment's schedule, the team's view, the team default. */
@Component
class SchedulePages {

    static final String EDIT_VIEW = "schedules/edit";
    static final String TEAM_VIEW = "schedules/team";
    static final String DEFAULT_VIEW = "schedules/default";

    /** How many coming changes the schedule page lists. */
    static final int NEXT = 5;
    private static final Duration MONTH_SAMPLE = Duration.ofDays(30);
    /** Every IANA zone, for the zone field's suggestions. */
    static final List<String> ZONES = List.copyOf(new TreeSet<>(ZoneId.getAvailableZoneIds()).stream()
            .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/")).toList());

    /**
     * What the schedule wants now.
     *
     * @param held a person's start or stop that the scheduler leaves alone until the next edge, or null
     */
    record Now(PowerState desired, String reason, String held) {
    }

    /** One row of the team's view. */
    record TeamRow(Environment environment, String plan, PowerState desired, TransitionView next, String override) {
    }

    private final ScheduleService schedules;
    private final EnvironmentService environments;
    private final ReadyEnvironments readyEnvironments;
    private final Clock clock;

    SchedulePages(ScheduleService schedules, EnvironmentService environments, ReadyEnvironments readyEnvironments,
            Clock clock) {
        this.schedules = schedules;
        this.environments = environments;
        this.readyEnvironments = readyEnvironments;
        this.clock = clock;
    }

    String editor(Model model, TeamGrant team, Environment environment, ScheduleForm form, OverrideForm override,
            Optional<ZoneId> viewerZone) {
        Instant now = clock.instant();
        StoredSchedule stored = schedules.scheduleOf(team.teamId(), environment.getId());
        Schedule schedule = stored.schedule().withoutExpiredOverride(now);
        model.addAttribute("team", team);
        model.addAttribute("environment", environment);
        model.addAttribute("stored", stored);
        model.addAttribute("schedule", schedule);
        model.addAttribute("summary", ScheduleText.summary(schedule));
        model.addAttribute("now", now(environment, schedule, now));
        model.addAttribute("activeOverride", schedule.override() == null ? null
                : ScheduleText.override(schedule.override(), schedule.zone()));
        model.addAttribute("pattern", WeekGrid.pattern(schedule));
        model.addAttribute("coming", WeekGrid.coming(schedule, now));
        model.addAttribute("transitions", TransitionView.of(schedule, now, NEXT, viewerZone.orElse(null)));
        model.addAttribute("hoursOn", hoursOn(schedule, now));
        model.addAttribute("mirror", schedules.mirrorOf(team.teamId(), environment.getId()));
        model.addAttribute("armedEdge", schedules.armedEdge(environment.getId())
                .map(at -> ScheduleText.at(at, schedule.zone())).orElse(null));
        model.addAttribute("form", form != null ? form : ScheduleForm.of(schedule));
        model.addAttribute("overrideForm", override != null ? override : OverrideForm.suggested(schedule.zone(), now));
        if (!model.containsAttribute("autoscalingForm")) {
            model.addAttribute("autoscalingForm", AutoscalingForm.of(environment.autoscaling()));
        }
        addViewer(model, viewerZone, schedule.zone());
        addChoices(model);
        return EDIT_VIEW;
    }

    String team(Model model, TeamGrant team, Optional<ZoneId> viewerZone) {
        Instant now = clock.instant();
        List<Environment> list = environments.listForTeam(team.teamId());
        Map<Long, Schedule> byEnvironment = schedules.schedulesOf(team.teamId(),
                list.stream().map(Environment::getId).toList());
        model.addAttribute("team", team);
        model.addAttribute("rows", list.stream().map(environment -> {
            Schedule schedule = byEnvironment.get(environment.getId()).withoutExpiredOverride(now);
            Transition next = schedule.nextTransitions(now, 1).stream().findFirst().orElse(null);
            return new TeamRow(environment, ScheduleText.summary(schedule), schedule.desiredStateAt(now),
                    next == null ? null : TransitionView.of(next, schedule.zone(), now, viewerZone.orElse(null)),
                    schedule.override() == null ? null : ScheduleText.override(schedule.override(), schedule.zone()));
        }).toList());
        StoredSchedule teamDefault = schedules.teamDefault(team.teamId());
        model.addAttribute("teamDefault", teamDefault);
        model.addAttribute("teamDefaultSummary", ScheduleText.summary(teamDefault.schedule()));
        addViewer(model, viewerZone, teamDefault.schedule().zone());
        return TEAM_VIEW;
    }

    String teamDefault(Model model, TeamGrant team, ScheduleForm form) {
        StoredSchedule stored = schedules.teamDefault(team.teamId());
        model.addAttribute("team", team);
        model.addAttribute("stored", stored);
        model.addAttribute("summary", ScheduleText.summary(stored.schedule()));
        model.addAttribute("pattern", WeekGrid.pattern(stored.schedule()));
        model.addAttribute("form", form != null ? form : ScheduleForm.of(stored.schedule()));
        model.addAttribute("keepInCloud", schedules.teamKeepsHoursInCloud(team.teamId()));
        addChoices(model);
        return DEFAULT_VIEW;
    }

    /**
     * The form a preset or copy button asks for, with a note saying it is not saved yet; null for a plain save.
     * The bound form's errors are dropped from the model, or the page would show the posted rows instead.
     */
    static ScheduleForm fill(ScheduleForm form, String preset, String copy, Model model) {
        ScheduleForm filled = null;
        if (preset != null) {
            WeekPreset chosen = WeekPreset.named(preset).orElse(null);
            if (chosen == null) {
                model.addAttribute("unsaved", "Unknown preset; nothing changed.");
                filled = form.withBlankRows();
            } else {
                filled = chosen.applyTo(form);
                model.addAttribute("unsaved", "Filled the week with " + chosen.label() + " (" + chosen.description()
                        + "). Not saved yet: check the windows and press Save schedule.");
            }
        } else if (copy != null) {
            filled = WeekPreset.copyMondayToWeekdays(form).orElse(null);
            model.addAttribute("unsaved", filled == null ? "Monday has no window to copy; nothing changed."
                    : "Copied Monday's windows to Tuesday–Friday. Not saved yet: check them and press Save schedule.");
            if (filled == null) {
                filled = form.withBlankRows();
            }
        }
        if (filled != null) {
            model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "form");
        }
        return filled;
    }

    private Now now(Environment environment, Schedule schedule, Instant now) {
        String held = readyEnvironments.one(environment.getId())
                .map(ready -> {
                    PowerDecision decision = PowerDecision.decide(ready, now);
                    if (decision.verdict() != PowerDecision.Verdict.HELD) {
                        return null;
                    }
                    ReadyEnvironment.LatestOperation latest = ready.latest();
                    return "The " + latest.kind().toLowerCase() + " that " + latest.requestedBy() + " asked for at "
                            + ScheduleText.at(latest.createdAt(), schedule.zone()) + " stands until the schedule's next "
                            + "change" + (decision.heldUntil() == null ? " (none is coming: set an override or change "
                            + "the schedule)" : " (" + ScheduleText.at(decision.heldUntil(), schedule.zone()) + ")") + ".";
                }).orElse(null);
        return new Now(schedule.desiredStateAt(now), ScheduleText.currentReason(schedule, now), held);
    }

    /** Hours on in the next 30 days (real elapsed time, DST included) and the share of the whole. */
    private static Map<String, Long> hoursOn(Schedule schedule, Instant now) {
        Duration on = schedule.hoursOn(now, now.plus(MONTH_SAMPLE));
        return Map.of("hours", Math.round(on.toMinutes() / 60.0), "percent",
                Math.round(100.0 * on.toSeconds() / MONTH_SAMPLE.toSeconds()));
    }

    private static void addViewer(Model model, Optional<ZoneId> viewerZone, ZoneId scheduleZone) {
        model.addAttribute("viewerZone", viewerZone.map(ZoneId::getId).orElse(""));
        model.addAttribute("viewerZoneDiffers", viewerZone.filter(zone -> !zone.equals(scheduleZone)).isPresent());
    }

    private static void addChoices(Model model) {
        model.addAttribute("zones", ZONES);
        model.addAttribute("presets", WeekPreset.values());
        model.addAttribute("days", java.time.DayOfWeek.values());
    }
}
