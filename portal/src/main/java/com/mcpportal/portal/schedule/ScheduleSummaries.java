package com.mcpportal.portal.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mcpportal.portal.environment.Environment;
import com.mcpportal.portal.environment.EnvironmentScheduleSummaries;
import com.mcpportal.portal.environment.EnvironmentState;
import com.mcpportal.portal.schedule.power.PowerDecision;
import com.mcpportal.portal.schedule.power.ReadyEnvironment;
import com.mcpportal.portal.schedule.power.ReadyEnvironments;
import com.mcpportal.portal.schedule.store.ScheduleStore;
import com.mcpportal.portal.schedule.web.TransitionView;

import org.springframework.stereotype.Component;

/**
 * The schedule card on the environment page: the plan, what it wants now, the next change, the link, and what holds
 * against the schedule (an override, or a person's start or stop that stands until the next edge).
 */
@Component
class ScheduleSummaries implements EnvironmentScheduleSummaries {

    private final ScheduleStore store;
    private final ReadyEnvironments readyEnvironments;
    private final Clock clock;

    ScheduleSummaries(ScheduleStore store, ReadyEnvironments readyEnvironments, Clock clock) {
        this.store = store;
        this.readyEnvironments = readyEnvironments;
        this.clock = clock;
    }

    @Override
    public Optional<ScheduleSummary> summaryOf(Environment environment) {
        if (environment.getState() == EnvironmentState.DELETED) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Schedule schedule = store.forEnvironment(environment.getTeamId(), environment.getId()).schedule()
                .withoutExpiredOverride(now);
        return Optional.of(summarize(environment, schedule, now, hold(environment, schedule, now)));
    }

    /**
     * The team's schedules in two queries (their own and the team default), not one per environment; without the
     * hold of a person's start or stop (the environment page's banner), which takes a query per environment.
     */
    @Override
    public Map<Long, ScheduleSummary> summariesOf(long teamId, List<Environment> environments) {
        List<Environment> live = environments.stream().filter(e -> e.getState() != EnvironmentState.DELETED)
                .toList();
        if (live.isEmpty()) {
            return Map.of();
        }
        Map<Long, Schedule> schedules = store.forEnvironments(teamId, live.stream().map(Environment::getId).toList());
        Instant now = clock.instant();
        Map<Long, ScheduleSummary> found = new LinkedHashMap<>();
        live.forEach(e -> found.put(e.getId(), summarize(e, schedules.get(e.getId()).withoutExpiredOverride(now), now,
                null)));
        return found;
    }

    private static ScheduleSummary summarize(Environment environment, Schedule schedule, Instant now, String hold) {
        String next = schedule.nextTransitions(now, 1).stream()
                .map(t -> TransitionView.of(t, schedule.zone(), now, null).sentence()).findFirst().orElse(null);
        return new ScheduleSummary(ScheduleText.summary(schedule),
                schedule.desiredStateAt(now).word() + ": " + ScheduleText.currentReason(schedule, now), next,
                "/teams/" + environment.getTeamId() + "/environments/" + environment.getId() + "/schedule", hold);
    }

    private String hold(Environment environment, Schedule schedule, Instant now) {
        ManualOverride override = schedule.override();
        if (override != null && override.activeAt(now)) {
            return "Kept " + override.state().word() + " by an override until "
                    + ScheduleText.at(override.until(), schedule.zone()) + ", whatever the schedule says";
        }
        if (environment.getState() != EnvironmentState.READY) {
            return null;
        }
        return readyEnvironments.one(environment.getId()).map(ready -> {
            PowerDecision decision = PowerDecision.decide(ready, now);
            if (decision.verdict() != PowerDecision.Verdict.HELD) {
                return null;
            }
            ReadyEnvironment.LatestOperation latest = ready.latest();
            return ("START".equals(latest.kind()) ? "Started" : "Stopped") + " by " + latest.requestedBy()
                    + (decision.heldUntil() == null ? "; no schedule change is coming to undo it"
                            : " until the schedule's next change at "
                                    + ScheduleText.at(decision.heldUntil(), schedule.zone()));
        }).orElse(null);
    }
}
