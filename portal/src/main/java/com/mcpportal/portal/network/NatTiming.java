package com.mcpportal.portal.network;

import java.time.Duration;
import java.util.Objects;

/**
 * How far a shared NAT instance's hours reach beyond its members' own: started {@code lead} before the first
 * member's start edge, so the instance is running (and routing) when that member's service starts, and stopped
 * {@code lag} after the last member's stop edge, so a stop operation still scaling its service down never loses
 * its route out. An environment with its own NAT needs neither: its start operation starts the NAT first and its
 * stop operation stops it last, inside one operation.
 */
public record NatTiming(Duration lead, Duration lag) {

    /** An instance boots and its route works in about a minute; a stop operation drains in a few. */
    public static final NatTiming DEFAULT = new NatTiming(Duration.ofMinutes(5), Duration.ofMinutes(10));
    /** No margin: hours exactly the members' own, for working out shares by hand. */
    public static final NatTiming NONE = new NatTiming(Duration.ZERO, Duration.ZERO);

    public NatTiming {
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(lag, "lag");
        if (lead.isNegative() || lag.isNegative()) {
            throw new IllegalArgumentException("Lead and lag cannot be negative");
        }
    }
}
