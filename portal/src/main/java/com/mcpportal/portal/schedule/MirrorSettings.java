package com.mcpportal.portal.schedule;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How an environment's hours are mirrored into its cloud ({@code portal.schedules.mirror.*}), for environments with
 * "keep hours in AWS" on. The NAT margins are those the shared NAT already uses ({@code network.NatTiming}): an
 * instance boots and routes in about a minute, so starting it 5 minutes before the service leaves the service's
 * tasks a route out when they pull their image; a stop operation drains the service in a few minutes, so the NAT
 * stops 10 minutes after the service's stop edge. EventBridge Scheduler fires to the minute, hence whole minutes.
 *
 * @param natLead the NAT instance starts this long before the service's start edge
 * @param natLag  the NAT instance stops this long after the service's stop edge
 * @param horizon how far ahead exceptions, overrides and daylight-saving gaps are written out as one-time schedules
 *                and cut out of the weekly ones: the portal may be down this long and the cloud still keeps the
 *                exact hours; after that the weekly pattern alone goes on
 * @param checkInterval how often the reconcile pass reads an environment's mirror back to find drift (a schedule
 *                changed or deleted by hand) and roll the horizon on; a schedule change is written at the next pass
 * @param grace   how long after a service edge the portal waits for the cloud to have made it before it acts itself:
 *                EventBridge Scheduler fires within a minute of its time (flexible window off) and ECS takes a new
 *                desired count at once, so 3 minutes leave room for a late invocation without running on (or off)
 *                for long when the cloud did not act
 */
@ConfigurationProperties("portal.schedules.mirror")
public record MirrorSettings(
        @DefaultValue("5m") Duration natLead,
        @DefaultValue("10m") Duration natLag,
        @DefaultValue("7d") Duration horizon,
        @DefaultValue("15m") Duration checkInterval,
        @DefaultValue("3m") Duration grace) {

    /** The defaults, for tests and tools that have no Spring environment. */
    public static final MirrorSettings DEFAULTS =
            new MirrorSettings(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofDays(7),
            Duration.ofMinutes(15), Duration.ofMinutes(3));

    public MirrorSettings {
        requireWholeMinutes("nat-lead", natLead, Duration.ofHours(2));
        requireWholeMinutes("nat-lag", natLag, Duration.ofHours(2));
        requireWholeMinutes("horizon", horizon, Duration.ofDays(60));
        if (checkInterval.isNegative() || checkInterval.isZero() || checkInterval.compareTo(horizon) >= 0) {
            throw new IllegalArgumentException("portal.schedules.mirror.check-interval must be positive and shorter"
                    + " than the horizon, not " + checkInterval);
        }
        if (grace.isNegative() || grace.compareTo(Duration.ofMinutes(30)) > 0) {
            throw new IllegalArgumentException("portal.schedules.mirror.grace must be from 0 to 30 minutes, not "
                    + grace);
        }
    }

    int natLeadMinutes() {
        return (int) natLead.toMinutes();
    }

    int natLagMinutes() {
        return (int) natLag.toMinutes();
    }

    private static void requireWholeMinutes(String name, Duration value, Duration max) {
        if (value.isNegative() || value.toSeconds() % 60 != 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException("portal.schedules.mirror." + name
                    + " must be whole minutes from 0 to " + max.toMinutes() + " minutes, not " + value);
        }
    }
}
