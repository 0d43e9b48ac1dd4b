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

import org.springframework.stereotype.Component;

/** The schedule card on the environment page: the plan, what it wants now, the next change, and the link. */
@Component
class ScheduleSummaries implements EnvironmentScheduleSummaries {

    private final ScheduleStore store;
    private final Clock clock;

    ScheduleSummaries(ScheduleStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Optional<ScheduleSummary> summaryOf(Environment environment) {
        if (environment.getState() == EnvironmentState.DELETED) {
            return Optional.empty();
        }
        return Optional.of(summarize(environment,
                store.forEnvironment(environment.getTeamId(), environment.getId()).schedule(), clock.instant()));
    }

    /** The team's schedules in two queries (their own and the team default), not one per environment. */
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
        live.forEach(e -> found.put(e.getId(), summarize(e, schedules.get(e.getId()), now)));
        return found;
    }

    private static ScheduleSummary summarize(Environment environment, Schedule stored, Instant now) {
        Schedule schedule = stored.withoutExpiredOverride(now);
        String next = schedule.nextTransitions(now, 1).stream()
                .map(t -> TransitionView.of(t, schedule.zone(), now, null).sentence()).findFirst().orElse(null);
        return new ScheduleSummary(ScheduleText.summary(schedule),
                schedule.desiredStateAt(now).word() + ": " + ScheduleText.currentReason(schedule, now), next,
                "/teams/" + environment.getTeamId() + "/environments/" + environment.getId() + "/schedule");
    }
}
