package com.mcpportal.portal.cloud.simulated;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code portal.simulated.*}: how long the simulated cloud takes, so its operations feel like AWS's (tests set
 * both near zero).
 *
 * @param stepDelay how long creating or deleting a resource takes (default 1s)
 * @param waitDelay how long waits take: NAT instance running or stopped, tasks healthy or drained (default 4s)
 */
@ConfigurationProperties("portal.simulated")
public record SimulatedSettings(Duration stepDelay, Duration waitDelay) {

    public SimulatedSettings {
        stepDelay = stepDelay == null ? Duration.ofSeconds(1) : stepDelay;
        waitDelay = waitDelay == null ? Duration.ofSeconds(4) : waitDelay;
    }

    /** No delays at all. */
    public static SimulatedSettings instant() {
        return new SimulatedSettings(Duration.ZERO, Duration.ZERO);
    }
}
