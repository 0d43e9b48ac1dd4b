package com.mcpportal.portal.cloud.simulated;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;

import com.mcpportal.portal.cloud.HourlyRequests;

/**
 * Made-up but plausible MCP traffic for the simulated cloud: a working-day curve (busiest early afternoon UTC,
 * quiet at night and at weekends), a busier or quieter level per environment, an error rate of a few tenths of a
 * percent, and now and then (about one hour in 40) an incident hour with a high error rate. Every figure is a pure
 * function of the environment id and the hour, so a page shows the same numbers however often it is loaded.
 */
final class SimulatedTraffic {

    /** About one hour in this many has an incident. */
    static final int INCIDENT_ODDS = 40;

    private SimulatedTraffic() {
    }

    /**
     * The hour's figures for a server that ran {@code runningFraction} of it (0 when it was off, 1 for the whole
     * hour, in between for an hour it started or stopped in, or the current hour so far).
     */
    static HourlyRequests hour(String environmentId, Instant hour, double runningFraction) {
        if (runningFraction <= 0) {
            return new HourlyRequests(hour, 0, 0);
        }
        SplittableRandom random = new SplittableRandom(seed(environmentId, hour));
        double requests = busyness(environmentId) * dailyCurve(hour) * (0.7 + 0.6 * random.nextDouble())
                * Math.min(1, runningFraction);
        boolean incident = random.nextInt(INCIDENT_ODDS) == 0;
        double errorRate = incident ? 0.08 + 0.22 * random.nextDouble() : 0.001 + 0.012 * random.nextDouble();
        long total = Math.round(requests);
        return new HourlyRequests(hour, total, Math.min(total, Math.round(total * errorRate)));
    }

    /** Requests per hour at the day's peak: 60 to 300, fixed per environment. */
    static double busyness(String environmentId) {
        return 60 + 240 * new SplittableRandom(seed(environmentId, Instant.EPOCH)).nextDouble();
    }

    /** 0.05 at night, rising to 1 at 13:00 UTC on working days; a third of that at weekends. */
    static double dailyCurve(Instant hour) {
        ZonedDateTime utc = hour.atZone(ZoneOffset.UTC);
        int h = utc.getHour();
        double day = h >= 6 && h < 21 ? Math.sin(Math.PI * (h - 6 + 0.5) / 15) : 0;
        double curve = 0.05 + 0.95 * Math.max(0, day);
        DayOfWeek weekday = utc.getDayOfWeek();
        return weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY ? curve / 3 : curve;
    }

    private static long seed(String environmentId, Instant hour) {
        // String.hashCode is specified, so the figures are the same on every JVM and after every restart.
        return environmentId.hashCode() * 0x9E3779B97F4A7C15L + hour.getEpochSecond() / 3600;
    }
}
