package com.mcpportal.portal.accesstoken;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Personal access token settings ({@code portal.access-tokens.*}).
 *
 * @param defaultLifetime the expiry the form suggests
 * @param maxLifetime     the longest expiry a user may choose (tokens always expire)
 */
@ConfigurationProperties("portal.access-tokens")
record AccessTokenSettings(@DefaultValue("90d") Duration defaultLifetime, @DefaultValue("365d") Duration maxLifetime) {

    AccessTokenSettings {
        if (defaultLifetime.compareTo(Duration.ofDays(1)) < 0 || defaultLifetime.compareTo(maxLifetime) > 0) {
            throw new IllegalArgumentException("portal.access-tokens.default-lifetime must be at least 1 day and at"
                    + " most portal.access-tokens.max-lifetime");
        }
    }
}
