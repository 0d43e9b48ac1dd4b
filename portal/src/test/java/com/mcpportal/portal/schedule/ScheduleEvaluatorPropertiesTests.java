package com.mcpportal.portal.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties that tie the three questions together for random schedules in zones with awkward rules
 * (30-minute DST, DST at midnight, half-hour offsets, no DST). Every edge is on a whole quarter hour
 * and every DST change on a whole minute, so sampling minute by minute sees the exact truth. Cases come
 * from {@link RandomSchedules}, seeded, so a failure names the seed that reproduces it.
 */
class ScheduleEvaluatorPropertiesTests {

    private static final String CASE = "seed {0}";

    static Stream<Long> seeds300() {
        return RandomSchedules.seeds(300);
    }

    static Stream<Long> seeds120() {
        return RandomSchedules.seeds(120);
    }

    static Stream<Long> seeds400() {
        return RandomSchedules.seeds(400);
    }

    @ParameterizedTest(name = CASE)
    @MethodSource("seeds300")
    void transitionsAreStrictlyIncreasingAlternateAndMatchTheStateOnEitherSide(long seed) {
        RandomSchedules random = new RandomSchedules(seed);
        Schedule schedule = random.schedule();
        Instant from = random.instant();
        PowerState before = schedule.desiredStateAt(from);
        Instant previous = from;
        for (Transition transition : schedule.nextTransitions(from, 20)) {
            assertThat(transition.at()).isAfter(previous);
            assertThat(transition.state()).isEqualTo(before.opposite());
            assertThat(schedule.desiredStateAt(transition.at())).isEqualTo(transition.state());
            assertThat(schedule.desiredStateAt(transition.at().minusSeconds(1))).isEqualTo(before);
            Instant middle = previous.plus(Duration.between(previous, transition.at()).dividedBy(2));
            assertThat(schedule.desiredStateAt(middle)).isEqualTo(before);
            assertThat(transition.reason()).isNotBlank();
            before = transition.state();
            previous = transition.at();
        }
    }

    @ParameterizedTest(name = CASE)
    @MethodSource("seeds120")
    void hoursOnEqualsAMinuteByMinuteCountOfDesiredStates(long seed) {
        RandomSchedules random = new RandomSchedules(seed);
        Schedule schedule = random.schedule();
        Instant from = random.instant();
        Instant to = from.plus(Duration.ofDays(2));
        long onMinutes = 0;
        for (Instant minute = from; minute.isBefore(to); minute = minute.plusSeconds(60)) {
            if (schedule.desiredStateAt(minute) == PowerState.ON) {
                onMinutes++;
            }
        }
        assertThat(schedule.hoursOn(from, to)).isEqualTo(Duration.ofMinutes(onMinutes));
    }

    @ParameterizedTest(name = CASE)
    @MethodSource("seeds300")
    void hoursOnEqualsTheOnStretchesBetweenTransitions(long seed) {
        RandomSchedules random = new RandomSchedules(seed);
        Schedule schedule = random.schedule();
        Instant from = random.instant();
        Instant to = from.plus(Duration.ofDays(14));
        Duration expected = Duration.ZERO;
        PowerState state = schedule.desiredStateAt(from);
        Instant since = from;
        for (Transition transition : schedule.nextTransitions(from, 200)) {
            if (!transition.at().isBefore(to)) {
                break;
            }
            if (state == PowerState.ON) {
                expected = expected.plus(Duration.between(since, transition.at()));
            }
            state = transition.state();
            since = transition.at();
        }
        if (state == PowerState.ON) {
            expected = expected.plus(Duration.between(since, to));
        }
        assertThat(schedule.hoursOn(from, to)).isEqualTo(expected);
    }

    @ParameterizedTest(name = CASE)
    @MethodSource("seeds400")
    void aWindowRunsItsWallClockLengthCorrectedByExactlyTheOffsetChange(long seed) {
        RandomSchedules random = new RandomSchedules(seed);
        // Draw until the case fits the property: a window that does not cross midnight, with both edges at
        // unambiguous local times (edges inside a gap or an overlap follow their own rule; named tests cover them).
        while (true) {
            ZoneId zone = random.zone();
            ZoneRules rules = zone.getRules();
            int pick = random.between(0, 40);
            LocalDate day = random.bool() ? dayNearTransition(rules, pick) : RandomSchedules.FIRST_DAY.plusDays(pick * 9L);
            ScheduleWindow window = new ScheduleWindow(day.getDayOfWeek(), random.time(), random.time());
            if (window.endSecond() <= window.startSecond()) {
                continue;
            }
            LocalDateTime localStart = day.atStartOfDay().plusSeconds(window.startSecond());
            LocalDateTime localEnd = day.atStartOfDay().plusSeconds(window.endSecond());
            if (rules.getValidOffsets(localStart).size() != 1 || rules.getValidOffsets(localEnd).size() != 1) {
                continue;
            }

            Schedule schedule = Schedule.weekly(zone, List.of(window));
            Instant from = day.minusDays(1).atStartOfDay(zone).toInstant();
            Instant to = day.plusDays(3).atStartOfDay(zone).toInstant();

            long shift = rules.getOffset(localEnd).getTotalSeconds() - rules.getOffset(localStart).getTotalSeconds();
            assertThat(schedule.hoursOn(from, to)).isEqualTo(window.wallClockLength().minusSeconds(shift));
            return;
        }
    }

    /** The day of one of the zone's next DST changes (or the day before), or a plain day for zones without any. */
    private static LocalDate dayNearTransition(ZoneRules rules, int pick) {
        List<ZoneOffsetTransition> transitions = new ArrayList<>();
        ZoneOffsetTransition next = rules.nextTransition(RandomSchedules.FIRST_INSTANT);
        while (next != null && transitions.size() < 8) {
            transitions.add(next);
            next = rules.nextTransition(next.getInstant());
        }
        if (transitions.isEmpty()) {
            return RandomSchedules.FIRST_DAY.plusDays(pick);
        }
        ZoneOffsetTransition chosen = transitions.get(pick % transitions.size());
        // The transition day itself, or the day before (for windows crossing midnight into it).
        return chosen.getDateTimeBefore().toLocalDate().minusDays(pick % 2);
    }
}
