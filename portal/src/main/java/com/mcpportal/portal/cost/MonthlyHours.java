package com.mcpportal.portal.cost;

import com.mcpportal.portal.schedule.Schedule;
import com.mcpportal.portal.schedule.ScheduleEvaluator;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

/**
 * The month every estimate is priced for: the average Gregorian month, 146,097 days / 4,800 months =
 * 30.436875 days = 730.485 hours. AWS's calculator rounds this to 730 h; the long-run average makes "per
 * month" mean the same for hourly and monthly prices, and it is the convention behind the seed's
 * "weekdays 08–20 ≈ 260.9 h/month" (60 h/week × 730.485 / 168).
 */
public final class MonthlyHours {

    public static final BigDecimal AVERAGE_MONTH_DAYS = new BigDecimal("30.436875");
    public static final BigDecimal AVERAGE_MONTH_HOURS = new BigDecimal("730.485");
    /** The schedule is sampled over the next 30 days, then scaled to the average month. */
    public static final Duration SAMPLE = Duration.ofDays(30);

    /** 30.436875 / 30, exact, so scaling a sample never rounds. */
    private static final BigDecimal SAMPLE_TO_MONTH = new BigDecimal("1.0145625");
    /** 730.485 / 168, exact: weeks per average month. */
    private static final BigDecimal WEEKS_PER_MONTH = new BigDecimal("4.348125");
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    private MonthlyHours() {
    }

    /** Hours ON in the next 30 days (real elapsed time, DST-aware), scaled to an average month. */
    public static BigDecimal fromSchedule(Schedule schedule, Instant from) {
        Duration on = ScheduleEvaluator.hoursOn(schedule, from, from.plus(SAMPLE));
        return hours(on).multiply(SAMPLE_TO_MONTH);
    }

    /** A constant daily pattern, e.g. 12 h a day = 365.2425 h/month. */
    public static BigDecimal ofHoursPerDay(BigDecimal hoursPerDay) {
        return hoursPerDay.multiply(AVERAGE_MONTH_DAYS);
    }

    /** A constant weekly pattern, e.g. 60 h a week (weekdays 08–20) = 260.8875 h/month. */
    public static BigDecimal ofHoursPerWeek(BigDecimal hoursPerWeek) {
        return hoursPerWeek.multiply(WEEKS_PER_MONTH);
    }

    static BigDecimal hours(Duration duration) {
        return BigDecimal.valueOf(duration.getSeconds()).divide(SECONDS_PER_HOUR, 12, RoundingMode.HALF_UP)
                .stripTrailingZeros();
    }
}
