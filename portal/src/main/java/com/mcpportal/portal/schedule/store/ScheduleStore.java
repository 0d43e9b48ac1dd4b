package com.mcpportal.portal.schedule.store;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.mcpportal.portal.audit.AuditEntry;
import com.mcpportal.portal.audit.AuditLog;
import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentChanged;
import com.mcpportal.portal.environment.EnvironmentService;
import com.mcpportal.portal.environment.EnvironmentState;
import com.mcpportal.portal.schedule.ManualOverride;
import com.mcpportal.portal.schedule.Schedule;
import com.mcpportal.portal.schedule.ScheduleFieldError;
import com.mcpportal.portal.schedule.ScheduleRejectedException;
import com.mcpportal.portal.schedule.ScheduleService;
import com.mcpportal.portal.schedule.ScheduleSettings;
import com.mcpportal.portal.schedule.ScheduleText;
import com.mcpportal.portal.schedule.ScheduleValidator;
import com.mcpportal.portal.schedule.StoredSchedule;
import com.mcpportal.portal.security.CurrentUser;
import com.mcpportal.portal.web.InvalidInputException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and writes schedules: an environment's own, or its team's default when it has none, and the team default
 * itself. Every write is validated first (nothing is saved when anything is wrong) and audited with the person
 * who made it. Triggers and power are {@link ScheduleService}'s business, after the write has committed.
 */
@Service
public class ScheduleStore {

    private final EnvironmentScheduleRepository schedules;
    private final TeamScheduleRepository teamSchedules;
    private final EnvironmentService environments;
    private final AuditLog auditLog;
    private final ScheduleSettings settings;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ScheduleStore(EnvironmentScheduleRepository schedules, TeamScheduleRepository teamSchedules,
            EnvironmentService environments, AuditLog auditLog, ScheduleSettings settings, Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.schedules = schedules;
        this.teamSchedules = teamSchedules;
        this.environments = environments;
        this.auditLog = auditLog;
        this.settings = settings;
        this.clock = clock;
    }

    /** The environment's schedule (its own, or its team's default); the caller has checked the team. */
    @Transactional(readOnly = true)
    public StoredSchedule forEnvironment(long teamId, long environmentId) {
        return schedules.findById(environmentId)
                .map(own -> new StoredSchedule(own.toSchedule(), StoredSchedule.Source.OWN, own.getUpdatedAt(),
                        own.getUpdatedBy()))
                .orElseGet(() -> teamDefault(teamId));
    }

    /**
     * The environment's schedule as committed now, its row locked until the caller's transaction ends (an edit
     * waits for it, and it waits for an edit in progress). Arming its trigger reads it this way.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Schedule lockedForEnvironment(long teamId, long environmentId) {
        return schedules.findByIdForUpdate(environmentId).map(EnvironmentSchedule::toSchedule)
                .orElseGet(() -> teamDefault(teamId).schedule());
    }

    /** The schedules of several environments of one team, in two queries. */
    @Transactional(readOnly = true)
    public Map<Long, Schedule> forEnvironments(long teamId, Collection<Long> environmentIds) {
        Map<Long, Schedule> found = new HashMap<>();
        schedules.findByEnvironmentIdIn(environmentIds).forEach(s -> found.put(s.getEnvironmentId(), s.toSchedule()));
        if (found.size() < environmentIds.size()) {
            Schedule fallback = teamDefault(teamId).schedule();
            environmentIds.forEach(id -> found.putIfAbsent(id, fallback));
        }
        return found;
    }

    @Transactional(readOnly = true)
    public StoredSchedule teamDefault(long teamId) {
        return teamSchedules.findById(teamId)
                .map(team -> new StoredSchedule(team.toSchedule(), StoredSchedule.Source.TEAM_DEFAULT,
                        team.getUpdatedAt(), team.getUpdatedBy()))
                .orElseGet(() -> new StoredSchedule(Schedule.defaultFor(settings.defaultZone()),
                        StoredSchedule.Source.PORTAL_DEFAULT, null, null));
    }

    /** A new environment copies its team's default; joins the transaction that creates the environment. */
    @Transactional
    public void createFor(long environmentId, long teamId) {
        if (schedules.existsById(environmentId)) {
            return;
        }
        StoredSchedule source = teamDefault(teamId);
        Schedule copy = source.schedule().withOverride(null);
        schedules.save(new EnvironmentSchedule(environmentId, copy, clock.instant(), CurrentUser.name()));
        auditLog.record(AuditEntry.success("schedule.created").team(teamId).target("schedule", environmentId)
                .detail("environment", environmentId).detail("copiedFrom", source.source().label())
                .detail("schedule", ScheduleText.full(copy)));
    }

    /** Replaces zone, windows, exceptions and enabled; keeps the override unless it has expired. */
    @Transactional
    public Schedule save(long teamId, long environmentId, Schedule plan) {
        return change(teamId, environmentId, "schedule.updated",
                current -> plan.withOverride(current.override()));
    }

    @Transactional
    public Schedule setOverride(long teamId, long environmentId, ManualOverride override) {
        return change(teamId, environmentId, "schedule.override.set", current -> current.withOverride(override));
    }

    @Transactional
    public Schedule clearOverride(long teamId, long environmentId) {
        return change(teamId, environmentId, "schedule.override.cleared", current -> current.withOverride(null));
    }

    /** Replaces the team's default (an override on the plan is ignored); environments that copied it keep theirs. */
    @Transactional
    public Schedule saveTeamDefault(long teamId, Schedule plan) {
        Instant now = clock.instant();
        Schedule replacement = plan.withOverride(null);
        reject(ScheduleValidator.validate(replacement, now));
        StoredSchedule before = teamDefault(teamId);
        TeamSchedule row = teamSchedules.findById(teamId).orElse(null);
        if (row == null) {
            teamSchedules.save(new TeamSchedule(teamId, replacement, now, CurrentUser.name()));
        } else {
            row.replace(replacement, now, CurrentUser.name());
        }
        auditLog.record(AuditEntry.success("schedule.team-default.updated").team(teamId).target("team", teamId)
                .detail("before", ScheduleText.full(before.schedule())).detail("after", ScheduleText.full(replacement)));
        return replacement;
    }

    private Schedule change(long teamId, long environmentId, String action, UnaryOperator<Schedule> edit) {
        Environment environment = environments.get(teamId, environmentId);
        if (environment.getState() == EnvironmentState.DELETED) {
            throw new InvalidInputException(null, "This environment is deleted; its schedule can no longer change.");
        }
        Instant now = clock.instant();
        EnvironmentSchedule row = schedules.findByIdForUpdate(environmentId).orElse(null);
        Schedule current = (row != null ? row.toSchedule() : teamDefault(teamId).schedule().withOverride(null))
                .withoutExpiredOverride(now);
        Schedule replacement = edit.apply(current);
        reject(ScheduleValidator.validate(replacement, now));
        if (row == null) {
            schedules.save(new EnvironmentSchedule(environmentId, replacement, now, CurrentUser.name()));
        } else {
            row.replace(replacement, now, CurrentUser.name());
        }
        AuditEntry entry = AuditEntry.success(action).team(teamId).target("schedule", environmentId)
                .detail("environment", environmentId).detail("name", environment.getName());
        auditLog.record(action.equals("schedule.updated")
                ? entry.detail("before", ScheduleText.full(current)).detail("after", ScheduleText.full(replacement))
                : entry.detail("override", replacement.override() == null ? "none"
                        : ScheduleText.override(replacement.override(), replacement.zone()))
                        .detail("previous", current.override() == null ? "none"
                                : ScheduleText.override(current.override(), current.zone())));
        // Costs check the team's budget again once this commits: the hours on may have changed.
        events.publishEvent(new EnvironmentChanged(teamId, environmentId, "schedule"));
        return replacement;
    }

    private static void reject(List<ScheduleFieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ScheduleRejectedException(errors);
        }
    }
}
