package com.mcpportal.portal.schedule;

import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleValidatorTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant NOW = Instant.parse("2027-01-18T10:00:00Z");

    @Test
    void theDefaultScheduleIsValid() {
        assertThat(ScheduleValidator.validate(Schedule.defaultFor(BERLIN), NOW)).isEmpty();
    }

    @Test
    void unknownZoneIsReportedOnTheZoneField() {
        assertThat(ScheduleValidator.checkZone("Europe/Berln")).contains(new ScheduleFieldError("zone",
                "Unknown time zone \"Europe/Berln\". Use an IANA name such as Europe/Berlin or America/New_York."));
        assertThat(ScheduleValidator.checkZone(" ")).map(ScheduleFieldError::message)
                .contains("Choose a time zone, for example Europe/Berlin.");
        assertThat(ScheduleValidator.checkZone("Asia/Kolkata")).isEmpty();
        assertThat(ScheduleValidator.parseZone("+02:00")).isEmpty();
        assertThat(ScheduleValidator.validate(Schedule.defaultFor(ZoneOffset.ofHours(2)), NOW))
                .extracting(ScheduleFieldError::field).containsExactly("zone");
    }

    @Test
    void aWindowEndingAtItsStartRunsTwentyFourHoursAsTheHintSays() {
        // Given Monday 08:00–08:00, a Monday evening window to midnight and a whole Sunday
        Schedule schedule = Schedule.weekly(BERLIN, List.of(ScheduleWindow.of(MONDAY, "08:00", "08:00"),
                ScheduleWindow.of(SUNDAY, "00:00", "00:00")));

        // Then it is valid, and Monday 08:00–08:00 is a whole day that runs into Tuesday
        assertThat(ScheduleValidator.validate(schedule, NOW)).isEmpty();
        assertThat(schedule.windows().get(0).wallClockLength()).isEqualTo(Duration.ofHours(24));
        assertThat(schedule.windows().get(0).crossesMidnight()).isTrue();
        assertThat(schedule.windows().get(1).wallClockLength()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void aTwentyFourHourWindowOverlapsTheNextMorningsWindow() {
        // Given Monday 08:00–08:00 (until Tuesday 08:00) and Tuesday 07:00–09:00
        Schedule schedule = Schedule.weekly(BERLIN, List.of(ScheduleWindow.of(MONDAY, "08:00", "08:00"),
                ScheduleWindow.of(java.time.DayOfWeek.TUESDAY, "07:00", "09:00"),
                ScheduleWindow.of(java.time.DayOfWeek.TUESDAY, "08:00", "12:00")));

        // Then the Tuesday 07:00 window is refused beside its row, the one starting at 08:00 only touches it
        assertThat(ScheduleValidator.validate(schedule, NOW)).containsExactly(
                new ScheduleFieldError("windows[1]", "Overlaps the window Mon 08:00\u201308:00."),
                new ScheduleFieldError("windows[2]", "Overlaps the window Tue 07:00\u201309:00."));
    }

    @Test
    void onHoursEndingAtTheirStartRunTwentyFourHoursToo() {
        LocalDate day = LocalDate.parse("2027-12-27");
        Schedule schedule = Schedule.weekly(BERLIN, List.of()).withExceptions(List.of(
                DateException.on(day, LocalTime.of(9, 0), LocalTime.of(9, 0))));

        assertThat(ScheduleValidator.validate(schedule, NOW)).isEmpty();
        assertThat(schedule.hoursOn(day.atStartOfDay(BERLIN).toInstant(),
                day.plusDays(3).atStartOfDay(BERLIN).toInstant())).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void overlappingWindowsOnOneDayAndAcrossMidnightAreRejected() {
        Schedule schedule = Schedule.weekly(BERLIN, List.of(
                ScheduleWindow.of(MONDAY, "08:00", "12:00"),
                ScheduleWindow.of(MONDAY, "11:00", "14:00"),
                ScheduleWindow.of(MONDAY, "14:00", "18:00"),
                ScheduleWindow.of(SUNDAY, "22:00", "02:00"),
                ScheduleWindow.of(MONDAY, "01:00", "03:00")));

        assertThat(ScheduleValidator.validate(schedule, NOW)).containsExactly(
                new ScheduleFieldError("windows[1]", "Overlaps the window Mon 08:00\u201312:00."),
                new ScheduleFieldError("windows[4]", "Overlaps the window Sun 22:00\u201302:00."));
    }

    @Test
    void overrideInThePastIsRejected() {
        Schedule schedule = Schedule.defaultFor(BERLIN).withOverride(new ManualOverride(PowerState.ON, NOW.minusSeconds(60)));

        assertThat(ScheduleValidator.validate(schedule, NOW))
                .containsExactly(new ScheduleFieldError("override.until", "The override must end in the future."));
        assertThat(schedule.withoutExpiredOverride(NOW).override()).isNull();
    }

    @Test
    void exceptionProblemsAreReportedOnTheirFields() {
        LocalDate christmas = LocalDate.parse("2027-12-24");
        Schedule schedule = Schedule.defaultFor(BERLIN).withExceptions(List.of(
                DateException.off(christmas, christmas.minusDays(1)),
                new DateException(christmas, christmas, PowerState.OFF, LocalTime.of(9, 0), LocalTime.of(12, 0)),
                new DateException(christmas.plusDays(3), christmas.plusDays(3), PowerState.ON, LocalTime.of(9, 0), null),
                DateException.off(christmas.plusDays(5), christmas.plusDays(10)),
                DateException.off(christmas.plusDays(8), christmas.plusDays(12)),
                DateException.on(christmas.plusDays(6), LocalTime.of(10, 0), LocalTime.of(14, 0))));

        assertThat(ScheduleValidator.validate(schedule, NOW)).containsExactly(
                new ScheduleFieldError("exceptions[0].last", "The last day (2027-12-23) is before the first day (2027-12-24)."),
                new ScheduleFieldError("exceptions[1].start", "Hours apply only to an ON exception; an OFF exception covers whole days."),
                new ScheduleFieldError("exceptions[2].end", "Give both a start and an end time, or neither for the whole day."),
                new ScheduleFieldError("exceptions[4].first", "Overlaps the exception 2027-12-29\u20132028-01-03 off."
                        + " Put a shorter exception inside a longer one, or split them."));
    }
}
