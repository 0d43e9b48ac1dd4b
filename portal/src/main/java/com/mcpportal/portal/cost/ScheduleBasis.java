package com.mcpportal.portal.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * The hours an estimate counts: the schedule's hours on in the 30 days from {@code from} (real elapsed time, so
 * DST days count what they really last), scaled to an average month.
 *
 * @param description     the schedule in words
 * @param source          where the schedule came from ("the environment's schedule", "default schedule", "what-if")
 * @param hoursInNext30Days hours on between {@code from} and 30 days later
 * @param monthlyHours    those hours × 30.436875 / 30
 */
public record ScheduleBasis(String description, String source, Instant from, BigDecimal hoursInNext30Days,
        BigDecimal monthlyHours) {

    public BigDecimal displayHoursInNext30Days() {
        return hoursInNext30Days.setScale(1, RoundingMode.HALF_UP);
    }

    public BigDecimal displayMonthlyHours() {
        return monthlyHours.setScale(1, RoundingMode.HALF_UP);
    }
}
