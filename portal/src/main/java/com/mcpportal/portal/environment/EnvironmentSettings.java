package com.mcpportal.portal.environment;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * {@code portal.environments.*}: how often the background jobs of this feature run.
 *
 * @param driftInterval         how often every ready environment is compared with what the cloud runs (default 5m)
 * @param watchdogInterval      how often operations left in flight without a job are looked for and resumed
 *                              (default 1m)
 * @param autoUpdateInterval    how often environments of teams that update during off-hours are looked at: those
 *                              that are off, idle and behind the server this portal carries get "Update server"
 *                              (default 15m)
 * @param natImageCheckInterval how often every ready environment's NAT instance is compared with the latest Amazon
 *                              Linux AMI, and patched if the environment is off (default 6h: one that is off
 *                              overnight is checked while off, so its NAT is replaced then, not at the next start)
 * @param sharedNatStopDelay    how long a shared network's NAT stays on after the last of its environments stopped
 *                              (default 10m, the union schedule's lag; 0 stops it at once)
 * @param sharedNatStopRetry    how long after a failed stop of a shared NAT, with an error asking again cannot cure
 *                              (access denied, a NAT instance terminated by hand), the portal tries again (default 1h:
 *                              such errors wait for a person; a transient one is tried again after the delay)
 */
@ConfigurationProperties("portal.environments")
public record EnvironmentSettings(Duration driftInterval, Duration watchdogInterval, Duration autoUpdateInterval,
        Duration natImageCheckInterval, Duration sharedNatStopDelay, Duration sharedNatStopRetry) {

    public EnvironmentSettings {
        driftInterval = driftInterval == null ? Duration.ofMinutes(5) : driftInterval;
        watchdogInterval = watchdogInterval == null ? Duration.ofMinutes(1) : watchdogInterval;
        autoUpdateInterval = autoUpdateInterval == null ? Duration.ofMinutes(15) : autoUpdateInterval;
        natImageCheckInterval = natImageCheckInterval == null ? Duration.ofHours(6) : natImageCheckInterval;
        sharedNatStopDelay = sharedNatStopDelay == null ? Duration.ofMinutes(10) : sharedNatStopDelay;
        sharedNatStopRetry = sharedNatStopRetry == null ? Duration.ofHours(1) : sharedNatStopRetry;
        if (sharedNatStopRetry.isNegative() || sharedNatStopRetry.isZero()) {
            throw new IllegalArgumentException("portal.environments.shared-nat-stop-retry must be positive");
        }
        if (sharedNatStopDelay.isNegative()) {
            throw new IllegalArgumentException("portal.environments.shared-nat-stop-delay cannot be negative");
        }
    }

    /** Registers the settings. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(EnvironmentSettings.class)
    static class Registration {
    }
}
