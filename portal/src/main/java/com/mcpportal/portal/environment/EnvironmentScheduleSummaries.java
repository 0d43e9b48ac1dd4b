package com.mcpportal.portal.environment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an environment's schedule says, for the environment page; supplied by the schedule feature (which depends
 * on this one, not the other way round). Without an implementation the page shows no schedule.
 */
public interface EnvironmentScheduleSummaries {

    Optional<ScheduleSummary> summaryOf(Environment environment);

    /**
     * The summaries of several environments of one team, by environment id (those without one left out); the
     * dashboard's batch form. This default asks one by one; an implementation reads the schedules in one go.
     */
    default Map<Long, ScheduleSummary> summariesOf(long teamId, List<Environment> environments) {
        Map<Long, ScheduleSummary> found = new LinkedHashMap<>();
        environments.forEach(e -> summaryOf(e).ifPresent(summary -> found.put(e.getId(), summary)));
        return found;
    }

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
