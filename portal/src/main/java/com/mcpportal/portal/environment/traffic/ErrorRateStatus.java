package com.mcpportal.portal.environment.traffic;

import java.time.Instant;
import java.util.List;

import com.mcpportal.portal.cloud.HourlyRequests;

/**
 * The latest error-rate check of an environment: the last 24 hours of figures read from its MCP server's metrics,
 * the totals of the judged window, and whether the environment is flagged.
 *
 * @param checkedAt      when the check ran
 * @param figuresAt      when the figures were read; null if no read has succeeded yet
 * @param hours          hourly figures, oldest first (empty until a read succeeds)
 * @param windowRequests requests in the judged window
 * @param windowErrors   errors in the judged window
 * @param flagged        whether the error rate passed the threshold (with enough requests to judge)
 * @param flaggedSince   when the current flag was raised; null when not flagged
 * @param message        why the last check could not read the figures; null when it could
 */
public record ErrorRateStatus(long environmentId, Instant checkedAt, Instant figuresAt, List<HourlyRequests> hours,
        long windowRequests, long windowErrors, boolean flagged, Instant flaggedSince, String message) {

    public ErrorRateStatus {
        hours = List.copyOf(hours);
    }

    /** Requests of all the hours. */
    public long totalRequests() {
        return hours.stream().mapToLong(HourlyRequests::requests).sum();
    }

    public long totalErrors() {
        return hours.stream().mapToLong(HourlyRequests::errors).sum();
    }

    /** The error rate of all the hours in percent, or null without requests. */
    public Double totalErrorRate() {
        return ErrorRates.percent(totalErrors(), totalRequests());
    }

    /** The judged window's error rate in percent, or null without requests. */
    public Double windowErrorRate() {
        return ErrorRates.percent(windowErrors, windowRequests);
    }
}
