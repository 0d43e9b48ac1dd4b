package com.mcpportal.portal.cost;

import static org.assertj.core.api.Assertions.assertThat;

import com.mcpportal.portal.cost.pricing.SnapshotPriceCatalog;
import com.mcpportal.portal.schedule.Schedule;
import com.mcpportal.portal.schedule.ScheduleWindow;
import com.mcpportal.portal.schedule.WhenDisabled;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Schedule hours feeding the estimate over a 30-day window that crosses Europe/Berlin's spring-forward (2027-03-28). */
class MonthlyHoursTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Monday 2027-03-15 00:00 in Berlin; the next 30 days end on 2027-04-14 01:00 CEST. */
    private static final Instant FROM = Instant.parse("2027-03-14T23:00:00Z");

    @Test
    void nightWindowLosesTheSkippedHour() {
        List<ScheduleWindow> nights = Arrays.stream(DayOfWeek.values())
                .map(day -> ScheduleWindow.of(day, "20:00", "08:00")).toList();

        // 8 h (Sunday's night) + 29 nights × 12 h − 1 h (spring-forward night) + 5 h (until 01:00 on 04-14) = 360 h
        assertThat(MonthlyHours.hours(Schedule.weekly(BERLIN, nights).hoursOn(FROM, FROM.plus(MonthlyHours.SAMPLE))))
                .isEqualByComparingTo("360");
        assertThat(MonthlyHours.fromSchedule(Schedule.weekly(BERLIN, nights), FROM)).isEqualByComparingTo("365.2425");
    }

    @Test
    void officeHoursOverTheSameThirtyDaysAndTheirFargateCost() {
        Schedule office = Schedule.defaultFor(BERLIN);

        // 22 weekdays × 12 h = 264 h, scaled by 30.436875 / 30
        BigDecimal monthly = MonthlyHours.fromSchedule(office, FROM);
        assertThat(monthly).isEqualByComparingTo("267.8445");

        CostEstimate estimate = new CostEstimator(SnapshotPriceCatalog.bundled())
                .monthly("us-east-1", EnvironmentSizing.defaults(), monthly, Optional.empty());
        assertThat(estimate.row(CostComponent.FARGATE).orElseThrow().monthlyUsd()).isEqualByComparingTo("2.6449644375");
    }

    @Test
    void alwaysOnIsTheWholeAverageMonth() {
        Schedule alwaysOn = Schedule.defaultFor(BERLIN).withEnabled(false, WhenDisabled.ALWAYS_ON);

        assertThat(MonthlyHours.fromSchedule(alwaysOn, FROM)).isEqualByComparingTo("730.485");
    }
}
