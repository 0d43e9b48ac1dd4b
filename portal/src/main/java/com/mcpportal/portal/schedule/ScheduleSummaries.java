package com.mcpportal.portal.schedule;

import java.time.Clock;
import java.time.Instant;
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
        Instant now = clock.instant();
        Schedule schedule = store.forEnvironment(environment.getTeamId(), environment.getId()).schedule()
                .withoutExpiredOverride(now);
        String next = schedule.nextTransitions(now, 1).stream()
                .map(t -> TransitionView.of(t, schedule.zone(), now, null).sentence()).findFirst().orElse(null);
        return Optional.of(new ScheduleSummary(ScheduleText.summary(schedule),
                schedule.desiredStateAt(now).word() + ": " + ScheduleText.currentReason(schedule, now), next,
                "/teams/" + environment.getTeamId() + "/environments/" + environment.getId() + "/schedule"));
    }
}
