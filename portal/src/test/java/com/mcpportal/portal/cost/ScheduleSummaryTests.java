package com.mcpportal.portal.cost;

import static org.assertj.core.api.Assertions.assertThat;

import com.mcpportal.portal.schedule.DateException;
import com.mcpportal.portal.schedule.ManualOverride;
import com.mcpportal.portal.schedule.PowerState;
import com.mcpportal.portal.schedule.Schedule;
import com.mcpportal.portal.schedule.ScheduleWindow;
import com.mcpportal.portal.schedule.WhenDisabled;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleSummaryTests {

    private static final Instant NOW = Instant.parse("2027-03-14T23:00:00Z");

    @Test
    void theDefaultReadsAsWeekdaysInUtc() {
        assertThat(ScheduleSummary.describe(Schedule.defaultFor(ZoneOffset.UTC), NOW))
                .isEqualTo("Mon–Fri 08:00–20:00 (UTC)");
        assertThat(ScheduleSummary.describe(Schedule.defaultFor(ZoneId.of("Etc/UTC")), NOW))
                .isEqualTo("Mon–Fri 08:00–20:00 (UTC)");
    }

    @Test
    void daysWithTheSameHoursGoTogetherAndOthersFollow() {
        List<ScheduleWindow> windows = new ArrayList<>(Schedule.defaultFor(ZoneOffset.UTC).windows().stream()
                .filter(w -> w.day() != DayOfWeek.WEDNESDAY).toList());
        windows.add(ScheduleWindow.of(DayOfWeek.SATURDAY, "10:00", "14:00"));
        windows.add(ScheduleWindow.of(DayOfWeek.SUNDAY, "10:00", "14:00"));

        assertThat(ScheduleSummary.describe(Schedule.weekly(ZoneId.of("Europe/Berlin"), windows), NOW))
                .isEqualTo("Mon, Tue, Thu, Fri 08:00–20:00, Sat, Sun 10:00–14:00 (Europe/Berlin)");
    }

    @Test
    void wholeDaysEveryDayAre247AndEveryNightIsEveryDay() {
        assertThat(ScheduleSummary.describe(Schedule.weekly(ZoneOffset.UTC, Arrays.stream(DayOfWeek.values())
                .map(day -> ScheduleWindow.of(day, "00:00", "00:00")).toList()), NOW)).isEqualTo("24/7");
        assertThat(ScheduleSummary.describe(Schedule.weekly(ZoneOffset.UTC, Arrays.stream(DayOfWeek.values())
                .map(day -> ScheduleWindow.of(day, "20:00", "08:00")).toList()), NOW))
                .isEqualTo("every day 20:00–08:00 (UTC)");
    }

    @Test
    void disabledExceptionsAndAnActiveOverrideAreSaid() {
        Schedule schedule = Schedule.defaultFor(ZoneOffset.UTC)
                .withExceptions(List.of(DateException.off(LocalDate.parse("2027-03-17"))))
                .withOverride(new ManualOverride(PowerState.ON, Instant.parse("2027-03-15T06:00:00Z")));

        assertThat(ScheduleSummary.describe(schedule, NOW)).isEqualTo(
                "Mon–Fri 08:00–20:00 (UTC); 1 date exception; kept on until 2027-03-15T06:00:00Z");
        assertThat(ScheduleSummary.describe(schedule, Instant.parse("2027-03-16T00:00:00Z")))
                .as("an override that ran out").isEqualTo("Mon–Fri 08:00–20:00 (UTC); 1 date exception");
        assertThat(ScheduleSummary.describe(schedule.withEnabled(false, WhenDisabled.ALWAYS_OFF).withOverride(null), NOW))
                .isEqualTo("always off (schedule disabled)");
        assertThat(ScheduleSummary.describe(Schedule.weekly(ZoneOffset.UTC, List.of()), NOW)).isEqualTo("no weekly hours");
    }
}
