package com.mcpportal.portal.schedule;

import java.time.Instant;
import java.util.Objects;

/** "Keep on until …" or "keep off until …": beats everything else until {@code until}, then expires by itself. */
public record ManualOverride(PowerState state, Instant until) {

    public ManualOverride {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(until, "until");
    }

    public boolean activeAt(Instant instant) {
        return instant.isBefore(until);
    }
}
