package com.mcpportal.portal.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in lock-out.
 *
 * @param maxFailures failed attempts for one username, within {@code lockout}, that lock it
 * @param lockout     how long the username stays locked (and the window in which failures count)
 */
@ConfigurationProperties("portal.sign-in")
public record SignInSettings(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration lockout) {

    /** For messages: "15 minutes". */
    String lockoutText() {
        long minutes = Math.max(1, lockout.toMinutes());
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}
