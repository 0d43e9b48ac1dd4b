package com.mcpportal.portal.environment.traffic;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code portal.monitoring.*}: when an environment's MCP server counts as failing too often.
 *
 * @param errorRateThreshold   error rate, in percent of requests, from which an environment is flagged (default 5)
 * @param errorRateMinRequests fewer requests than this in the window are too few to judge: the flag stays as it
 *                             was (default 20)
 * @param errorRateWindow      how far back the rate is taken: this many whole hours before the current one, plus the
 *                             current hour so far (default 1h, rounded up to whole hours, at most 23h)
 * @param errorRateInterval    how often every ready environment's figures are read and judged (default 5m)
 */
@ConfigurationProperties("portal.monitoring")
public record ErrorRateSettings(Double errorRateThreshold, Long errorRateMinRequests, Duration errorRateWindow,
        Duration errorRateInterval) {

    public ErrorRateSettings {
        errorRateThreshold = errorRateThreshold == null ? 5.0 : errorRateThreshold;
        errorRateMinRequests = errorRateMinRequests == null ? 20L : errorRateMinRequests;
        errorRateWindow = errorRateWindow == null ? Duration.ofHours(1) : errorRateWindow;
        errorRateInterval = errorRateInterval == null ? Duration.ofMinutes(5) : errorRateInterval;
        if (!(errorRateThreshold > 0 && errorRateThreshold <= 100)) {
            throw new IllegalArgumentException("portal.monitoring.error-rate-threshold must be a percentage above 0"
                    + " and at most 100, got " + errorRateThreshold);
        }
        if (errorRateMinRequests < 1) {
            throw new IllegalArgumentException("portal.monitoring.error-rate-min-requests must be at least 1, got "
                    + errorRateMinRequests);
        }
        if (errorRateWindow.isNegative() || errorRateWindow.isZero() || errorRateWindow.compareTo(Duration.ofHours(23)) > 0) {
            throw new IllegalArgumentException("portal.monitoring.error-rate-window must be between 1m and 23h, got "
                    + errorRateWindow);
        }
    }

    /** All defaults. */
    public static ErrorRateSettings defaults() {
        return new ErrorRateSettings(null, null, null, null);
    }

    /** Whole hours before the current one that the window reaches back. */
    int windowHours() {
        return (int) ((errorRateWindow.toMinutes() + 59) / 60);
    }

    /** The threshold as a plain number for display: {@code 5} or {@code 2.5}. */
    public String thresholdLabel() {
        return errorRateThreshold == Math.rint(errorRateThreshold) ? String.valueOf(errorRateThreshold.longValue())
                : String.valueOf(errorRateThreshold);
    }
}
