package com.mcpportal.portal.schedule;

import java.time.Instant;

/** A change of desired power state at an instant, with the reason the scheduler records in the audit log. */
public record Transition(Instant at, PowerState state, String reason) {
}
