package com.mcpportal.portal.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in throttling ({@code portal.sign-in.*}): failed sign-ins are counted per attempted username and per client
 * address; past the free failures, each further failure makes that username or address wait before its next try,
 * twice as long as the time before, up to {@code maxDelay}. Nothing is ever locked for good, and a username's delay
 * does not apply to an address its account signed in from in the last 30 days, so an attacker cannot keep the real
 * user out.
 *
 * @param freeFailures        failures of one username that cost nothing
 * @param addressFreeFailures failures from one client address, over any usernames, that cost nothing
 * @param firstDelay          the wait after the first failure past the free ones
 * @param maxDelay            the longest wait
 * @param forgetAfter         failures are forgotten after this long without a new one
 */
@ConfigurationProperties("portal.sign-in")
public record SignInSettings(@DefaultValue("5") int freeFailures, @DefaultValue("20") int addressFreeFailures,
                             @DefaultValue("15s") Duration firstDelay, @DefaultValue("15m") Duration maxDelay,
                             @DefaultValue("1h") Duration forgetAfter) {

    public SignInSettings {
        if (freeFailures < 1 || addressFreeFailures < 1) {
            throw new IllegalArgumentException("portal.sign-in.free-failures and .address-free-failures must be 1 or more");
        }
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("portal.sign-in.first-delay must be positive and at most .max-delay");
        }
        if (forgetAfter.compareTo(maxDelay) <= 0) {
            throw new IllegalArgumentException("portal.sign-in.forget-after must be longer than .max-delay, or delays"
                    + " would never grow");
        }
    }

    /** The wait after the {@code failures}-th failure of a key whose first {@code free} failures cost nothing. */
    Duration delayAfter(int failures, int free) {
        if (failures <= free) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - free - 1, 30);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
