package com.mcpportal.portal.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties that tie the three questions together for random schedules in zones with awkward rules
 * (30-minute DST, DST at midnight, half-hour offsets, no DST). Every edge is on a whole quarter hour
 * and every DST change on a whole minute, so sampling minute by minute sees the exact truth.
 */
class ScheduleEvaluatorPropertiesTests {

    private static final List<String> ZONES = List.of("Europe/Berlin", "America/New_York", "Australia/Lord_Howe",
            "Asia/Kolkata", "Asia/Shanghai", "America/Santiago", "UTC", "Pacific/Chatham", "America/St_Johns",
            "Europe/London", "Africa/Casablanca", "America/Havana");
    private static final LocalDate FIRST_DAY = LocalDate.parse("2026-12-01");
    private static final Instant FIRST_INSTANT = Instant.parse("2026-12-01T00:00:00Z");

    @Property(tries = 300)
    void transitionsAreStrictlyIncreasingAlternateAndMatchTheStateOnEitherSide(
            @ForAll("schedules") Schedule schedule, @ForAll("instants") Instant from) {
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

    @Property(tries = 120)
    void hoursOnEqualsAMinuteByMinuteCountOfDesiredStates(
            @ForAll("schedules") Schedule schedule, @ForAll("instants") Instant from) {
        Instant to = from.plus(Duration.ofDays(2));
        long onMinutes = 0;
        for (Instant minute = from; minute.isBefore(to); minute = minute.plusSeconds(60)) {
            if (schedule.desiredStateAt(minute) == PowerState.ON) {
                onMinutes++;
            }
        }
        assertThat(schedule.hoursOn(from, to)).isEqualTo(Duration.ofMinutes(onMinutes));
    }

    @Property(tries = 150)
    void hoursOnEqualsTheOnStretchesBetweenTransitions(
            @ForAll("schedules") Schedule schedule, @ForAll("instants") Instant from) {
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

    @Property(tries = 400)
    void aWindowRunsItsWallClockLengthCorrectedByExactlyTheOffsetChange(
            @ForAll("zones") ZoneId zone, @ForAll("times") LocalTime start, @ForAll("times") LocalTime end,
            @ForAll @IntRange(min = 0, max = 40) int pick, @ForAll boolean nearTransition) {
        ZoneRules rules = zone.getRules();
        LocalDate day = nearTransition ? dayNearTransition(rules, pick) : FIRST_DAY.plusDays(pick * 9L);
        ScheduleWindow window = new ScheduleWindow(day.getDayOfWeek(), start, end);
        Assume.that(window.endSecond() > window.startSecond());
        LocalDateTime localStart = day.atStartOfDay().plusSeconds(window.startSecond());
        LocalDateTime localEnd = day.atStartOfDay().plusSeconds(window.endSecond());
        // Edges inside a gap or an overlap follow their own documented rule (named tests cover them).
        Assume.that(rules.getValidOffsets(localStart).size() == 1 && rules.getValidOffsets(localEnd).size() == 1);

        Schedule schedule = Schedule.weekly(zone, List.of(window));
        Instant from = day.minusDays(1).atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(3).atStartOfDay(zone).toInstant();

        long shift = rules.getOffset(localEnd).getTotalSeconds() - rules.getOffset(localStart).getTotalSeconds();
        assertThat(schedule.hoursOn(from, to)).isEqualTo(window.wallClockLength().minusSeconds(shift));
    }

    private static LocalDate dayNearTransition(ZoneRules rules, int pick) {
        List<ZoneOffsetTransition> transitions = new ArrayList<>();
        ZoneOffsetTransition next = rules.nextTransition(FIRST_INSTANT);
        while (next != null && transitions.size() < 8) {
            transitions.add(next);
            next = rules.nextTransition(next.getInstant());
        }
        Assume.that(!transitions.isEmpty());
        ZoneOffsetTransition chosen = transitions.get(pick % transitions.size());
        // The transition day itself, or the day before (for windows crossing midnight into it).
        return chosen.getDateTimeBefore().toLocalDate().minusDays(pick % 2);
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of(ZONES).map(ZoneId::of);
    }

    @Provide
    Arbitrary<LocalTime> times() {
        return Arbitraries.integers().between(0, 95).map(quarter -> LocalTime.ofSecondOfDay(quarter * 900L));
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(0, 400L * 24 * 60).map(minute -> FIRST_INSTANT.plusSeconds(minute * 60));
    }

    @Provide
    Arbitrary<Schedule> schedules() {
        Arbitrary<ScheduleWindow> window = Combinators.combine(Arbitraries.of(DayOfWeek.class), times(), times())
                .as(ScheduleWindow::new);
        Arbitrary<ManualOverride> override = Combinators.combine(Arbitraries.of(PowerState.class), instants())
                .as(ManualOverride::new).injectNull(0.6);
        return Combinators.combine(zones(), window.list().ofMaxSize(6), exceptions().list().ofMaxSize(3), override,
                        Arbitraries.of(true, true, true, false), Arbitraries.of(WhenDisabled.class))
                .as(Schedule::new);
    }

    private Arbitrary<DateException> exceptions() {
        Arbitrary<LocalDate> first = Arbitraries.integers().between(0, 400).map(FIRST_DAY::plusDays);
        Arbitrary<Integer> extraDays = Arbitraries.integers().between(0, 12);
        Arbitrary<DateException> off = Combinators.combine(first, extraDays)
                .as((day, extra) -> DateException.off(day, day.plusDays(extra)));
        Arbitrary<DateException> onAllDay = first.map(DateException::on);
        Arbitrary<DateException> onHours = Combinators.combine(first, times(), times()).as(DateException::on);
        return Arbitraries.oneOf(off, onAllDay, onHours);
    }
}
