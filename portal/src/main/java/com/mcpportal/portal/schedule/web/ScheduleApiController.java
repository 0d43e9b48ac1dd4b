package com.mcpportal.portal.schedule.web;

import java.time.Clock;
import java.time.ZoneId;

import com.mcpportal.portal.cloud.TaskRange;
import com.mcpportal.portal.environment.EnvironmentService;
import com.mcpportal.portal.schedule.ManualOverride;
import com.mcpportal.portal.schedule.Schedule;
import com.mcpportal.portal.schedule.ScheduleRejectedException;
import com.mcpportal.portal.schedule.ScheduleService;
import com.mcpportal.portal.schedule.web.ScheduleApiRequests.AutoscalingBody;
import com.mcpportal.portal.schedule.web.ScheduleApiRequests.MirrorBody;
import com.mcpportal.portal.schedule.web.ScheduleApiRequests.OverrideBody;
import com.mcpportal.portal.schedule.web.ScheduleApiRequests.ScheduleBody;
import com.mcpportal.portal.schedule.web.ScheduleApiResponses.EnvironmentScheduleJson;
import com.mcpportal.portal.schedule.web.ScheduleApiResponses.TeamScheduleJson;
import com.mcpportal.portal.team.TeamAccess;
import com.mcpportal.portal.team.TeamGrant;
import com.mcpportal.portal.team.TeamRole;
import com.mcpportal.portal.web.ConflictException;
import com.mcpportal.portal.web.InvalidInputException;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Schedules for automation: an environment's plan and override, and the team's default, with the same roles as the
 * pages (members read, operators change). Every answer about an environment says what the schedule wants now and
 * when it changes next, so a client sees at once what its PUT did. Refusals are 422 with every field at fault.
 */
@RestController
@RequestMapping("/api/v1/teams/{teamId}")
class ScheduleApiController {

    /** Coming changes listed when the client does not ask for a number. */
    private static final int DEFAULT_TRANSITIONS = 5;
    private static final int MAX_TRANSITIONS = 50;

    private final TeamAccess access;
    private final EnvironmentService environments;
    private final ScheduleService schedules;
    private final Clock clock;

    ScheduleApiController(TeamAccess access, EnvironmentService environments, ScheduleService schedules,
            Clock clock) {
        this.access = access;
        this.environments = environments;
        this.schedules = schedules;
        this.clock = clock;
    }

    @GetMapping("/environments/{environmentId}/schedule")
    EnvironmentScheduleJson get(@PathVariable long teamId, @PathVariable long environmentId,
            @RequestParam(defaultValue = "" + DEFAULT_TRANSITIONS) int transitions) {
        access.require(teamId, TeamRole.VIEWER);
        if (transitions < 0 || transitions > MAX_TRANSITIONS) {
            throw new InvalidInputException("transitions", "Ask for 0 to " + MAX_TRANSITIONS + " coming changes.");
        }
        return current(teamId, environmentId, transitions);
    }

    /** Replaces zone, windows, exceptions and the enabled setting; an active override stays (see /override). */
    @PutMapping("/environments/{environmentId}/schedule")
    EnvironmentScheduleJson put(@PathVariable long teamId, @PathVariable long environmentId,
            @RequestBody(required = false) ScheduleBody body) {
        requireChangeable(teamId, environmentId);
        Schedule plan = ScheduleApiRequests.plan(body);
        asConflict(() -> schedules.replace(teamId, environmentId, plan));
        return current(teamId, environmentId, DEFAULT_TRANSITIONS);
    }

    @PutMapping("/environments/{environmentId}/schedule/override")
    EnvironmentScheduleJson setOverride(@PathVariable long teamId, @PathVariable long environmentId,
            @RequestBody(required = false) OverrideBody body) {
        TeamGrant team = access.require(teamId, TeamRole.OPERATOR);
        ZoneId zone = schedules.scheduleOf(teamId, environmentId).schedule().zone();
        refuseArchived(team);
        ManualOverride override = ScheduleApiRequests.override(body, zone);
        try {
            asConflict(() -> schedules.setOverride(teamId, environmentId, override));
        } catch (ScheduleRejectedException rejected) {
            throw ScheduleApiRequests.forOverrideBody(rejected);
        }
        return current(teamId, environmentId, DEFAULT_TRANSITIONS);
    }

    /** Ends the override now: the environment follows its schedule again. Clearing when there is none is a no-op. */
    @DeleteMapping("/environments/{environmentId}/schedule/override")
    EnvironmentScheduleJson clearOverride(@PathVariable long teamId, @PathVariable long environmentId) {
        requireChangeable(teamId, environmentId);
        asConflict(() -> schedules.clearOverride(teamId, environmentId));
        return current(teamId, environmentId, DEFAULT_TRANSITIONS);
    }

    /** "Keep hours in AWS" on or off; the next reconcile pass (within a minute) writes or removes the mirror. */
    @Operation(summary = "Keep the environment's hours in AWS (EventBridge Scheduler), so they go on while the portal"
            + " is down, or stop keeping them there")
    @PutMapping("/environments/{environmentId}/schedule/mirror")
    EnvironmentScheduleJson putMirror(@PathVariable long teamId, @PathVariable long environmentId,
            @RequestBody(required = false) MirrorBody body) {
        requireChangeable(teamId, environmentId);
        schedules.keepHoursInCloud(teamId, environmentId, ScheduleApiRequests.keepInCloud(body));
        return current(teamId, environmentId, DEFAULT_TRANSITIONS);
    }

    /** CPU autoscaling while on; the cloud follows at the environment's next start or stop. */
    @Operation(summary = "Scale the environment's service on CPU while it is on: min and max tasks and a CPU target"
            + " (from its next start)")
    @PutMapping("/environments/{environmentId}/schedule/autoscaling")
    EnvironmentScheduleJson putAutoscaling(@PathVariable long teamId, @PathVariable long environmentId,
            @RequestBody(required = false) AutoscalingBody body) {
        requireChangeable(teamId, environmentId);
        TaskRange range = ScheduleApiRequests.autoscaling(body);
        asConflict(() -> environments.setAutoscaling(teamId, environmentId, range));
        return current(teamId, environmentId, DEFAULT_TRANSITIONS);
    }

    /** Back to one task while on (from the next start). */
    @Operation(summary = "Run one task while on again, without CPU autoscaling (from the next start)")
    @DeleteMapping("/environments/{environmentId}/schedule/autoscaling")
    EnvironmentScheduleJson deleteAutoscaling(@PathVariable long teamId, @PathVariable long environmentId) {
        requireChangeable(teamId, environmentId);
        asConflict(() -> environments.setAutoscaling(teamId, environmentId, null));
        return current(teamId, environmentId, DEFAULT_TRANSITIONS);
    }

    @GetMapping("/schedule")
    TeamScheduleJson getTeamDefault(@PathVariable long teamId) {
        access.require(teamId, TeamRole.VIEWER);
        return teamDefault(teamId);
    }

    /** Replaces the default new environments copy; existing environments keep their own schedules. */
    @PutMapping("/schedule")
    TeamScheduleJson putTeamDefault(@PathVariable long teamId, @RequestBody(required = false) ScheduleBody body) {
        refuseArchived(access.require(teamId, TeamRole.OPERATOR));
        schedules.replaceTeamDefault(teamId, ScheduleApiRequests.plan(body));
        return teamDefault(teamId);
    }

    /** Whether environments created in the team from now on keep their hours in AWS; existing ones keep theirs. */
    @Operation(summary = "Whether new environments of the team keep their hours in AWS (existing ones keep their own"
            + " setting)")
    @PutMapping("/schedule/mirror")
    TeamScheduleJson putTeamMirror(@PathVariable long teamId, @RequestBody(required = false) MirrorBody body) {
        refuseArchived(access.require(teamId, TeamRole.OPERATOR));
        schedules.teamKeepsHoursInCloud(teamId, ScheduleApiRequests.keepInCloud(body));
        return teamDefault(teamId);
    }

    private TeamScheduleJson teamDefault(long teamId) {
        return TeamScheduleJson.of(teamId, schedules.teamDefault(teamId), schedules.teamKeepsHoursInCloud(teamId));
    }

    private EnvironmentScheduleJson current(long teamId, long environmentId, int transitions) {
        return EnvironmentScheduleJson.of(environmentId, schedules.scheduleOf(teamId, environmentId),
                schedules.mirrorOf(teamId, environmentId), environments.get(teamId, environmentId).autoscaling(),
                clock.instant(), transitions);
    }

    /**
     * An operator's change to one environment's schedule settings: the environment is the team's (else 404) and the
     * team is not archived (else 409). Input is read after this, so a viewer is refused before being told what is wrong.
     */
    private void requireChangeable(long teamId, long environmentId) {
        TeamGrant team = access.require(teamId, TeamRole.OPERATOR);
        environments.get(teamId, environmentId);
        refuseArchived(team);
    }

    private static void refuseArchived(TeamGrant team) {
        if (team.archived()) {
            throw new ConflictException(ScheduleErrors.ARCHIVED);
        }
    }

    /** The store refuses a deleted environment's schedule without a field: a state conflict, 409 here. */
    private static void asConflict(Runnable change) {
        try {
            change.run();
        } catch (ConflictException alreadyAConflict) {
            throw alreadyAConflict;
        } catch (InvalidInputException rejected) {
            throw rejected.field() == null ? new ConflictException(rejected.getMessage()) : rejected;
        }
    }
}
