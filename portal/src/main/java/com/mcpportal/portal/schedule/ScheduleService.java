package com.mcpportal.portal.schedule;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mcpportal.portal.environment.EnvironmentService;
import com.mcpportal.portal.schedule.power.EdgeTriggers;
import com.mcpportal.portal.schedule.power.ScheduleReconciler;
import com.mcpportal.portal.schedule.store.ScheduleStore;
import com.mcpportal.portal.security.CurrentUser;

import org.springframework.stereotype.Service;

/**
 * The schedule feature's API for pages, the REST API and other features. Callers have passed {@code TeamAccess}.
 * <pre>{@code
 * Schedule schedule = schedules.scheduleOf(environmentId);           // costs: schedule.hoursOn(from, to)
 * schedules.replace(teamId, environmentId, plan);                     // throws ScheduleRejectedException
 * schedules.setOverride(teamId, environmentId, new ManualOverride(PowerState.ON, until));
 * }</pre>
 * Every change is validated, saved and audited in one transaction; once it has committed, the environment's edge
 * trigger is armed for the new next edge and its power is put right at once (not at the next reconcile pass).
 */
@Service
public class ScheduleService {

    private static final Logger log = LoggerFactory.getLogger(ScheduleService.class);

    private final ScheduleStore store;
    private final ScheduleReconciler reconciler;
    private final EdgeTriggers triggers;
    private final EnvironmentService environments;
    private final ScheduleMirrorService mirrors;

    ScheduleService(ScheduleStore store, ScheduleReconciler reconciler, EdgeTriggers triggers,
            EnvironmentService environments, ScheduleMirrorService mirrors) {
        this.store = store;
        this.reconciler = reconciler;
        this.triggers = triggers;
        this.environments = environments;
        this.mirrors = mirrors;
    }

    /** The schedule an environment follows (its own, or its team's default); 404 for another team's. */
    public StoredSchedule scheduleOf(long teamId, long environmentId) {
        environments.get(teamId, environmentId);
        return store.forEnvironment(teamId, environmentId);
    }

    /** The schedule any environment follows, for jobs and estimates that act for no particular user. */
    public Schedule scheduleOf(long environmentId) {
        return store.forEnvironment(environments.get(environmentId).getTeamId(), environmentId).schedule();
    }

    /** The schedules of several environments of one team (environment id to schedule), in two queries. */
    public Map<Long, Schedule> schedulesOf(long teamId, Collection<Long> environmentIds) {
        return store.forEnvironments(teamId, environmentIds);
    }

    /** The team's default schedule: what new environments copy, and the team's time zone. */
    public StoredSchedule teamDefault(long teamId) {
        return store.teamDefault(teamId);
    }

    /** Replaces zone, windows, exceptions and the enabled setting; an unexpired override stays. */
    public Schedule replace(long teamId, long environmentId, Schedule plan) {
        Schedule saved = store.save(teamId, environmentId, plan);
        applyNow(environmentId, "schedule changed by " + CurrentUser.name());
        return saved;
    }

    /** "Keep on/off until …": beats the schedule until it expires by itself. */
    public Schedule setOverride(long teamId, long environmentId, ManualOverride override) {
        Schedule saved = store.setOverride(teamId, environmentId, override);
        applyNow(environmentId, "override set by " + CurrentUser.name());
        return saved;
    }

    public Schedule clearOverride(long teamId, long environmentId) {
        Schedule saved = store.clearOverride(teamId, environmentId);
        applyNow(environmentId, "override cleared by " + CurrentUser.name());
        return saved;
    }

    /** Replaces the team's default; existing environments keep the copy they have. */
    public Schedule replaceTeamDefault(long teamId, Schedule plan) {
        Schedule saved = store.saveTeamDefault(teamId, plan);
        // Environments created before schedules existed have no row and follow the default: the pass catches them.
        return saved;
    }

    /** When the environment's edge trigger fires next, if it has one armed. */
    public Optional<Instant> armedEdge(long environmentId) {
        return triggers.nextFire(environmentId);
    }

    /** Whether the environment keeps its hours in its cloud, and how that mirror stands. */
    public MirrorStatus mirrorOf(long teamId, long environmentId) {
        environments.get(teamId, environmentId);
        return mirrors.statusOf(environmentId);
    }

    /** "Keep hours in AWS" on or off (audited); the next reconcile pass writes or removes the mirror. */
    public void keepHoursInCloud(long teamId, long environmentId, boolean keep) {
        mirrors.setKeepInCloud(teamId, environmentId, keep);
    }

    /** Whether the team gives "keep hours in AWS" to the environments created in it. */
    public boolean teamKeepsHoursInCloud(long teamId) {
        return mirrors.teamKeepsInCloud(teamId);
    }

    /** The team's "keep hours in AWS" for new environments (audited); existing ones keep their own setting. */
    public void teamKeepsHoursInCloud(long teamId, boolean keep) {
        mirrors.setTeamKeepInCloud(teamId, keep);
    }

    private void applyNow(long environmentId, String cause) {
        mirrors.scheduleChanged(environmentId);
        try {
            reconciler.reconcileOne(environmentId, cause);
        } catch (RuntimeException e) {
            // The change is saved; the next reconcile pass arms the trigger and sets the power.
            log.error("Could not apply the new schedule of environment {} at once", environmentId, e);
        }
    }
}
