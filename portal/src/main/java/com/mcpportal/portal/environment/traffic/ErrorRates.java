package com.mcpportal.portal.environment.traffic;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import com.mcpportal.portal.cloud.HourlyRequests;

/** The error-rate rule: which hours are judged, the rate, and whether an environment is flagged. */
final class ErrorRates {

    /** The outcome of judging a window: the new flag, and whether it changed (a crossing). */
    record Judgement(long requests, long errors, boolean flagged, boolean crossed, boolean enoughRequests) {
    }

    private ErrorRates() {
    }

    /** {@code part} of {@code whole} in percent, or null when {@code whole} is 0. */
    static Double percent(long part, long whole) {
        return whole == 0 ? null : 100.0 * part / whole;
    }

    /** A percentage for people: {@code 0.8%}, {@code 12%}, {@code 100%}. */
    static String format(Double percent) {
        if (percent == null) {
            return "–";
        }
        return (percent >= 10 ? String.format(Locale.ROOT, "%.0f", percent)
                : String.format(Locale.ROOT, "%.1f", percent)) + "%";
    }

    /**
     * Judges the hours of the window (the {@link ErrorRateSettings#windowHours() window's} whole hours before the
     * current one, and the current hour so far): flagged when at least the minimum of requests came in and the error
     * rate reached the threshold, not flagged when enough came in below it, unchanged when too few came in.
     */
    static Judgement judge(List<HourlyRequests> hours, Instant now, ErrorRateSettings settings, boolean wasFlagged) {
        Instant first = now.truncatedTo(ChronoUnit.HOURS).minus(settings.windowHours(), ChronoUnit.HOURS);
        long requests = 0;
        long errors = 0;
        for (HourlyRequests hour : hours) {
            if (!hour.hour().isBefore(first) && !hour.hour().isAfter(now)) {
                requests += hour.requests();
                errors += hour.errors();
            }
        }
        boolean enough = requests >= settings.errorRateMinRequests();
        boolean flagged = enough ? 100.0 * errors >= settings.errorRateThreshold() * requests : wasFlagged;
        return new Judgement(requests, errors, flagged, flagged != wasFlagged, enough);
    }
}
