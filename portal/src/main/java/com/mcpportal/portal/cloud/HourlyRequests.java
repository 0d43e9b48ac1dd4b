package com.mcpportal.portal.cloud;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Requests an MCP server answered in one UTC hour, and how many of them failed.
 *
 * @param hour the hour's start
 */
public record HourlyRequests(Instant hour, long requests, long errors) {

    public HourlyRequests {
        if (requests < 0 || errors < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }

    /** The starts of every hour from {@code from} (rounded down) up to {@code to} (exclusive, rounded up). */
    public static List<Instant> hoursBetween(Instant from, Instant to) {
        List<Instant> hours = new ArrayList<>();
        for (Instant hour = from.truncatedTo(ChronoUnit.HOURS); hour.isBefore(to); hour = hour.plus(Duration.ofHours(1))) {
            hours.add(hour);
        }
        return hours;
    }
}
