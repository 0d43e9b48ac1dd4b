package com.mcpportal.portal.schedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The sentences pages and audit events use. */
class ScheduleTextTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void summariesGroupDaysWithTheSameHours() {
        Schedule schedule = Schedule.weekly(BERLIN, List.of(ScheduleWindow.of(DayOfWeek.MONDAY, "08:00", "20:00"),
                ScheduleWindow.of(DayOfWeek.TUESDAY, "08:00", "20:00"), ScheduleWindow.of(DayOfWeek.WEDNESDAY, "08:00", "20:00"),
                ScheduleWindow.of(DayOfWeek.FRIDAY, "08:00", "20:00"), ScheduleWindow.of(DayOfWeek.SATURDAY, "22:00", "00:00")));

        assertThat(ScheduleText.summary(schedule))
                .isEqualTo("Mon\u2013Wed, Fri 08:00\u201320:00, Sat 22:00\u201324:00 (Europe/Berlin)");
        assertThat(ScheduleText.summary(Schedule.defaultFor(BERLIN))).isEqualTo("Mon\u2013Fri 08:00\u201320:00 (Europe/Berlin)");
        assertThat(ScheduleText.summary(schedule.withEnabled(false, WhenDisabled.ALWAYS_OFF)))
                .isEqualTo("disabled: always off (Europe/Berlin)");
    }

    @Test
    void timesReadInTheZoneWithItsAbbreviation() {
        Instant mondayMorning = Instant.parse("2026-12-07T07:00:00Z");

        assertThat(ScheduleText.at(mondayMorning, BERLIN)).isEqualTo("Mon 08:00 CET");
        assertThat(ScheduleText.at(mondayMorning, ZoneId.of("America/New_York"))).isEqualTo("Mon 02:00 EST");
        assertThat(ScheduleText.relative(mondayMorning.minusSeconds(14 * 3600), mondayMorning)).isEqualTo("in 14 h");
        assertThat(ScheduleText.relative(mondayMorning.minusSeconds(25 * 60), mondayMorning)).isEqualTo("in 25 min");
        assertThat(ScheduleText.relative(mondayMorning.minusSeconds(3 * 86_400 + 4 * 3600), mondayMorning))
                .isEqualTo("in 3 d 4 h");
        assertThat(ScheduleText.relative(mondayMorning.minusSeconds(2 * 3600 + 30 * 60), mondayMorning))
                .isEqualTo("in 2 h 30 min");
    }

    @Test
    void theCurrentReasonNamesWhatMadeTheStateSo() {
        Schedule schedule = Schedule.defaultFor(BERLIN);
        Instant mondayNoon = Instant.parse("2026-12-07T11:00:00Z");

        assertThat(ScheduleText.currentReason(schedule, mondayNoon)).isEqualTo("window Mon 08:00\u201320:00 Europe/Berlin opened");
        assertThat(ScheduleText.currentReason(schedule, Instant.parse("2026-12-05T11:00:00Z")))
                .as("Saturday: the last edge was Friday's close").isEqualTo("window Fri 08:00\u201320:00 Europe/Berlin closed");
        assertThat(ScheduleText.currentReason(schedule.withOverride(new ManualOverride(PowerState.OFF,
                mondayNoon.plusSeconds(3600))), mondayNoon)).isEqualTo("manual override (keep off until Mon 7 Dec 13:00 CET)");
        assertThat(ScheduleText.currentReason(schedule.withEnabled(false, WhenDisabled.ALWAYS_ON), mondayNoon))
                .isEqualTo("schedule disabled (always on)");
    }
}
