package com.mcpportal.portal.schedule;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SATURDAY;
import static java.time.DayOfWeek.SUNDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Named cases with exact instants: the DST days, zones and edges other schedulers are known to get wrong. */
class ScheduleEvaluatorTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId LORD_HOWE = ZoneId.of("Australia/Lord_Howe");
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static Schedule weekly(ZoneId zone, ScheduleWindow... windows) {
        return Schedule.weekly(zone, List.of(windows));
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    private static Transition on(String instant, String reason) {
        return new Transition(at(instant), PowerState.ON, reason);
    }

    private static Transition off(String instant, String reason) {
        return new Transition(at(instant), PowerState.OFF, reason);
    }

    @Nested
    class EuropeBerlin {

        @Test
        void springForwardNightLosesTheSkippedHour() {
            // 2027-03-28: 02:00 CET jumps to 03:00 CEST.
            Schedule schedule = weekly(BERLIN, ScheduleWindow.of(SUNDAY, "01:00", "05:00"));

            assertThat(schedule.nextTransitions(at("2027-03-27T12:00:00Z"), 2)).containsExactly(
                    on("2027-03-28T00:00:00Z", "window Sun 01:00\u201305:00 Europe/Berlin opened"),
                    off("2027-03-28T03:00:00Z", "window Sun 01:00\u201305:00 Europe/Berlin closed"));
            assertThat(schedule.hoursOn(at("2027-03-27T00:00:00Z"), at("2027-03-29T00:00:00Z")))
                    .isEqualTo(Duration.ofHours(3));
        }

        @Test
        void windowStartingInsideTheSkippedHourBeginsWhenTheGapEnds() {
            Schedule schedule = weekly(BERLIN, ScheduleWindow.of(SUNDAY, "02:30", "06:00"));

            assertThat(schedule.nextTransitions(at("2027-03-27T12:00:00Z"), 2)).containsExactly(
                    on("2027-03-28T01:00:00Z", "window Sun 02:30\u201306:00 Europe/Berlin opened"),
                    off("2027-03-28T04:00:00Z", "window Sun 02:30\u201306:00 Europe/Berlin closed"));
            assertThat(schedule.desiredStateAt(at("2027-03-28T00:59:59Z"))).isEqualTo(PowerState.OFF);
            assertThat(schedule.desiredStateAt(at("2027-03-28T01:00:00Z"))).isEqualTo(PowerState.ON);
            // A normal Sunday: 02:30 CET.
            assertThat(schedule.nextTransitions(at("2027-03-20T12:00:00Z"), 1))
                    .extracting(Transition::at).containsExactly(at("2027-03-21T01:30:00Z"));
        }

        @Test
        void fallBackEdgeAtAnAmbiguousTimeFiresOnceAtTheEarlierOffset() {
            // 2027-10-31: 03:00 CEST falls back to 02:00 CET, so 02:30 happens twice.
            Schedule schedule = weekly(BERLIN, ScheduleWindow.of(SUNDAY, "02:30", "04:00"));

            assertThat(schedule.nextTransitions(at("2027-10-30T12:00:00Z"), 3)).containsExactly(
                    on("2027-10-31T00:30:00Z", "window Sun 02:30\u201304:00 Europe/Berlin opened"),
                    off("2027-10-31T03:00:00Z", "window Sun 02:30\u201304:00 Europe/Berlin closed"),
                    on("2027-11-07T01:30:00Z", "window Sun 02:30\u201304:00 Europe/Berlin opened"));
            assertThat(schedule.hoursOn(at("2027-10-30T00:00:00Z"), at("2027-11-01T00:00:00Z")))
                    .isEqualTo(Duration.ofMinutes(150));
        }

        @Test
        void nightWindowOverTheFallBackRunsAnHourLonger() {
            Schedule schedule = weekly(BERLIN, ScheduleWindow.of(SATURDAY, "22:00", "06:00"));

            assertThat(schedule.nextTransitions(at("2027-10-30T12:00:00Z"), 2)).extracting(Transition::at)
                    .containsExactly(at("2027-10-30T20:00:00Z"), at("2027-10-31T05:00:00Z"));
            assertThat(schedule.hoursOn(at("2027-10-30T00:00:00Z"), at("2027-11-01T00:00:00Z")))
                    .isEqualTo(Duration.ofHours(9));
        }

        @Test
        void a21StopStays21LocalAcrossTheChange() {
            Schedule schedule = weekly(BERLIN, ScheduleWindow.of(FRIDAY, "08:00", "21:00"),
                    ScheduleWindow.of(MONDAY, "08:00", "21:00"));

            assertThat(schedule.nextTransitions(at("2027-03-26T12:00:00Z"), 4)).extracting(Transition::at)
                    .containsExactly(at("2027-03-26T20:00:00Z"), at("2027-03-29T06:00:00Z"),
                            at("2027-03-29T19:00:00Z"), at("2027-04-02T06:00:00Z"));
        }

        @Test
        void stopAtMidnightIsExpressedAsAnEndOf0000() {
            Schedule schedule = weekly(BERLIN, ScheduleWindow.of(FRIDAY, "20:00", "00:00"));

            assertThat(schedule.nextTransitions(at("2027-01-15T12:00:00Z"), 2)).containsExactly(
                    on("2027-01-15T19:00:00Z", "window Fri 20:00\u201324:00 Europe/Berlin opened"),
                    off("2027-01-15T23:00:00Z", "window Fri 20:00\u201324:00 Europe/Berlin closed"));
            assertThat(schedule.desiredStateAt(at("2027-01-15T22:59:59Z"))).isEqualTo(PowerState.ON);
            assertThat(schedule.desiredStateAt(at("2027-01-15T23:00:00Z"))).isEqualTo(PowerState.OFF);
        }

        @Test
        void windowsMeetingAtMidnightMergeIntoOneRun() {
            Schedule schedule = weekly(BERLIN, ScheduleWindow.of(FRIDAY, "20:00", "00:00"),
                    ScheduleWindow.of(SATURDAY, "00:00", "02:00"));

            assertThat(schedule.nextTransitions(at("2027-01-15T12:00:00Z"), 2)).containsExactly(
                    on("2027-01-15T19:00:00Z", "window Fri 20:00\u201324:00 Europe/Berlin opened"),
                    off("2027-01-16T01:00:00Z", "window Sat 00:00\u201302:00 Europe/Berlin closed"));
        }

        @Test
        void windowCrossingMidnightBelongsToTheDayItStarts() {
            Schedule schedule = weekly(BERLIN, ScheduleWindow.of(FRIDAY, "22:00", "02:00"));

            assertThat(schedule.desiredStateAt(at("2027-01-16T00:30:00Z"))).isEqualTo(PowerState.ON);
            assertThat(schedule.desiredStateAt(at("2027-01-17T00:30:00Z"))).isEqualTo(PowerState.OFF);
        }
    }

    @Nested
    class AmericaNewYork {

        @Test
        void springForward() {
            // 2027-03-14: 02:00 EST jumps to 03:00 EDT.
            Schedule schedule = weekly(NEW_YORK, ScheduleWindow.of(SUNDAY, "00:00", "06:00"));

            assertThat(schedule.nextTransitions(at("2027-03-13T12:00:00Z"), 2)).extracting(Transition::at)
                    .containsExactly(at("2027-03-14T05:00:00Z"), at("2027-03-14T10:00:00Z"));
            assertThat(schedule.hoursOn(at("2027-03-13T00:00:00Z"), at("2027-03-15T00:00:00Z")))
                    .isEqualTo(Duration.ofHours(5));
        }

        @Test
        void fallBack() {
            // 2027-11-07: 02:00 EDT falls back to 01:00 EST; 01:30 happens twice.
            Schedule schedule = weekly(NEW_YORK, ScheduleWindow.of(SUNDAY, "01:30", "03:00"),
                    ScheduleWindow.of(MONDAY, "09:00", "17:00"));

            assertThat(schedule.nextTransitions(at("2027-11-06T12:00:00Z"), 4)).extracting(Transition::at)
                    .containsExactly(at("2027-11-07T05:30:00Z"), at("2027-11-07T08:00:00Z"),
                            at("2027-11-08T14:00:00Z"), at("2027-11-08T22:00:00Z"));
        }
    }

    @Nested
    class AustraliaLordHowe {

        @Test
        void thirtyMinuteSpringForward() {
            // 2027-10-03: 02:00 (+10:30) jumps to 02:30 (+11:00).
            Schedule schedule = weekly(LORD_HOWE, ScheduleWindow.of(SUNDAY, "00:00", "06:00"));

            assertThat(schedule.nextTransitions(at("2027-10-02T00:00:00Z"), 2)).extracting(Transition::at)
                    .containsExactly(at("2027-10-02T13:30:00Z"), at("2027-10-02T19:00:00Z"));
            assertThat(schedule.hoursOn(at("2027-10-01T00:00:00Z"), at("2027-10-04T00:00:00Z")))
                    .isEqualTo(Duration.ofMinutes(330));
        }

        @Test
        void startInsideTheHalfHourGap() {
            Schedule schedule = weekly(LORD_HOWE, ScheduleWindow.of(SUNDAY, "02:10", "04:00"));

            assertThat(schedule.nextTransitions(at("2027-10-02T00:00:00Z"), 2)).extracting(Transition::at)
                    .containsExactly(at("2027-10-02T15:30:00Z"), at("2027-10-02T17:00:00Z"));
        }

        @Test
        void thirtyMinuteFallBack() {
            // 2027-04-04: 02:00 (+11:00) falls back to 01:30 (+10:30); 01:45 happens twice.
            Schedule schedule = weekly(LORD_HOWE, ScheduleWindow.of(SUNDAY, "01:45", "03:00"));

            assertThat(schedule.nextTransitions(at("2027-04-03T00:00:00Z"), 2)).extracting(Transition::at)
                    .containsExactly(at("2027-04-03T14:45:00Z"), at("2027-04-03T16:30:00Z"));
        }
    }

    @Test
    void asiaKolkataHasNoDstAndAHalfHourOffset() {
        Schedule schedule = weekly(KOLKATA, weekdays("09:00", "18:00"));

        assertThat(schedule.nextTransitions(at("2027-03-14T00:00:00Z"), 2)).extracting(Transition::at)
                .containsExactly(at("2027-03-15T03:30:00Z"), at("2027-03-15T12:30:00Z"));
        assertThat(schedule.hoursOn(at("2027-03-14T00:00:00Z"), at("2027-03-21T00:00:00Z")))
                .isEqualTo(Duration.ofHours(45));
    }

    @Test
    void weekdayIsTheScheduleZonesWeekdayNotUtcs() {
        // Monday 06:00 in Shanghai (UTC+8) is still Sunday 22:00 in UTC.
        Schedule schedule = weekly(SHANGHAI, ScheduleWindow.of(MONDAY, "06:00", "12:00"));

        assertThat(schedule.desiredStateAt(at("2027-03-14T22:00:00Z"))).isEqualTo(PowerState.ON);
        assertThat(schedule.desiredStateAt(at("2027-03-13T23:00:00Z"))).isEqualTo(PowerState.OFF);
        assertThat(schedule.nextTransitions(at("2027-03-13T00:00:00Z"), 2)).extracting(Transition::at)
                .containsExactly(at("2027-03-14T22:00:00Z"), at("2027-03-15T04:00:00Z"));
    }

    @Nested
    class OverridesAndExceptions {

        private final Schedule office = Schedule.defaultFor(BERLIN);

        @Test
        void keepOnOverrideHoldsThenExpiresByItself() {
            Schedule schedule = office.withOverride(new ManualOverride(PowerState.ON, at("2027-01-16T12:00:00Z")));

            assertThat(schedule.desiredStateAt(at("2027-01-15T22:00:00Z"))).isEqualTo(PowerState.ON);
            assertThat(schedule.desiredStateAt(at("2027-01-16T12:00:00Z"))).isEqualTo(PowerState.OFF);
            assertThat(schedule.nextTransitions(at("2027-01-15T12:00:00Z"), 2)).containsExactly(
                    off("2027-01-16T12:00:00Z", "manual override (keep on until 2027-01-16 13:00 CET) expired"),
                    on("2027-01-18T07:00:00Z", "window Mon 08:00\u201320:00 Europe/Berlin opened"));
        }

        @Test
        void keepOffOverrideEndingInsideAWindowTurnsOnAtItsEnd() {
            Schedule schedule = office.withOverride(new ManualOverride(PowerState.OFF, at("2027-01-18T10:00:00Z")));

            assertThat(schedule.desiredStateAt(at("2027-01-18T09:00:00Z"))).isEqualTo(PowerState.OFF);
            assertThat(schedule.nextTransitions(at("2027-01-18T09:00:00Z"), 2)).containsExactly(
                    on("2027-01-18T10:00:00Z", "manual override (keep off until 2027-01-18 11:00 CET) expired"),
                    off("2027-01-18T19:00:00Z", "window Mon 08:00\u201320:00 Europe/Berlin closed"));
        }

        @Test
        void overrideThatMatchesTheScheduleAtExpiryCausesNoTransition() {
            Schedule schedule = office.withOverride(new ManualOverride(PowerState.ON, at("2027-01-18T10:00:00Z")));

            assertThat(schedule.nextTransitions(at("2027-01-17T09:00:00Z"), 1)).containsExactly(
                    off("2027-01-18T19:00:00Z", "window Mon 08:00\u201320:00 Europe/Berlin closed"));
        }

        @Test
        void holidayKeepsTheDayOff() {
            // Friday 2027-12-24 off: after Thursday's window the next start is Monday.
            Schedule schedule = office.withExceptions(List.of(DateException.off(LocalDate.parse("2027-12-24"))));

            assertThat(schedule.desiredStateAt(at("2027-12-24T10:00:00Z"))).isEqualTo(PowerState.OFF);
            assertThat(schedule.nextTransitions(at("2027-12-23T12:00:00Z"), 2)).extracting(Transition::at)
                    .containsExactly(at("2027-12-23T19:00:00Z"), at("2027-12-27T07:00:00Z"));
        }

        @Test
        void workingDayInsideAShutdownWeekUsesItsOwnHours() {
            Schedule schedule = office.withExceptions(List.of(
                    DateException.off(LocalDate.parse("2027-12-20"), LocalDate.parse("2027-12-31")),
                    DateException.on(LocalDate.parse("2027-12-22"), LocalTime.of(10, 0), LocalTime.of(14, 0))));

            assertThat(schedule.nextTransitions(at("2027-12-17T12:00:00Z"), 5)).containsExactly(
                    off("2027-12-17T19:00:00Z", "window Fri 08:00\u201320:00 Europe/Berlin closed"),
                    on("2027-12-22T09:00:00Z", "exception 2027-12-22 on 10:00\u201314:00 Europe/Berlin began"),
                    off("2027-12-22T13:00:00Z", "exception 2027-12-22 on 10:00\u201314:00 Europe/Berlin ended"),
                    on("2028-01-03T07:00:00Z", "window Mon 08:00\u201320:00 Europe/Berlin opened"),
                    off("2028-01-03T19:00:00Z", "window Mon 08:00\u201320:00 Europe/Berlin closed"));
        }

        @Test
        void disabledScheduleFollowsItsChosenMeaningButAnOverrideStillWins() {
            Schedule alwaysOff = office.withEnabled(false, WhenDisabled.ALWAYS_OFF);
            assertThat(alwaysOff.desiredStateAt(at("2027-01-18T10:00:00Z"))).isEqualTo(PowerState.OFF);
            assertThat(alwaysOff.nextTransitions(at("2027-01-18T10:00:00Z"), 5)).isEmpty();

            Schedule startedByHand = alwaysOff.withOverride(new ManualOverride(PowerState.ON, at("2027-01-18T12:00:00Z")));
            assertThat(startedByHand.nextTransitions(at("2027-01-18T10:00:00Z"), 5)).containsExactly(
                    off("2027-01-18T12:00:00Z", "manual override (keep on until 2027-01-18 13:00 CET) expired;"
                            + " schedule disabled (always off)"));
        }
    }

    @Nested
    class Termination {

        @Test
        void noWindowsMeansNoTransitions() {
            Schedule empty = Schedule.weekly(BERLIN, List.of());

            assertThat(empty.desiredStateAt(at("2027-01-18T10:00:00Z"))).isEqualTo(PowerState.OFF);
            assertThat(empty.nextTransitions(at("2027-01-18T10:00:00Z"), 5)).isEmpty();
            assertThat(empty.hoursOn(at("2027-01-01T00:00:00Z"), at("2028-01-01T00:00:00Z"))).isZero();
        }

        @Test
        void alwaysOnWeekHasNoTransitionsAndCountsEveryHour() {
            List<ScheduleWindow> allDay = new ArrayList<>();
            for (DayOfWeek day : DayOfWeek.values()) {
                allDay.add(new ScheduleWindow(day, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT));
            }
            Schedule always = Schedule.weekly(BERLIN, allDay);

            assertThat(always.nextTransitions(at("2027-01-18T10:00:00Z"), 5)).isEmpty();
            assertThat(always.hoursOn(at("2027-01-01T00:00:00Z"), at("2028-01-01T00:00:00Z")))
                    .isEqualTo(Duration.ofHours(365 * 24));
        }

        @Test
        void skipsStraightToAFarOnException() {
            Schedule schedule = Schedule.weekly(KOLKATA, List.of())
                    .withExceptions(List.of(DateException.on(LocalDate.parse("2031-06-02"))));

            assertThat(schedule.nextTransitions(at("2027-01-18T10:00:00Z"), 5)).extracting(Transition::at)
                    .containsExactly(at("2031-06-01T18:30:00Z"), at("2031-06-02T18:30:00Z"));
        }

        @Test
        void offRangeIsSkippedAsAWhole() {
            Schedule schedule = Schedule.defaultFor(KOLKATA)
                    .withExceptions(List.of(DateException.off(LocalDate.parse("2027-01-01"), LocalDate.parse("2029-12-31"))));

            assertThat(schedule.nextTransitions(at("2026-12-31T18:00:00Z"), 1)).extracting(Transition::at)
                    .containsExactly(at("2030-01-01T02:30:00Z"));
        }
    }

    private static ScheduleWindow[] weekdays(String start, String end) {
        return List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)
                .stream().map(day -> ScheduleWindow.of(day, start, end)).toArray(ScheduleWindow[]::new);
    }
}
