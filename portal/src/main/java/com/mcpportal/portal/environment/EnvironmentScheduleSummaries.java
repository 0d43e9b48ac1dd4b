package com.mcpportal.portal.environment;

import java.util.Optional;

/**
 * What an environment's schedule says, for the environment page; supplied by the schedule feature (which depends
 * on this one, not the other way round). Without an implementation the page shows no schedule.
 */
public interface EnvironmentScheduleSummaries {

    Optional<ScheduleSummary> summaryOf(Environment environment);

    /**
     * @param plan    e.g. "Mon–Fri 08:00–20:00 (Europe/Berlin)"
     * @param desired what the schedule wants now and why, e.g. "on: window Mon 08:00–20:00 Europe/Berlin opened"
     * @param next    the next change, e.g. "stops Mon 20:00 CET, in 3 h", or null when none is coming
     * @param link    the schedule page
     * @param hold    what holds against the schedule now, e.g. "Stopped by alice until the schedule's next change at
     *                Mon 08:00 CET", or null when the schedule decides; "Resume schedule" ends it
     */
    record ScheduleSummary(String plan, String desired, String next, String link, String hold) {
    }
}
