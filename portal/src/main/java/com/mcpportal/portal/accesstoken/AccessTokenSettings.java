package com.mcpportal.portal.accesstoken;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Personal access token settings ({@code portal.access-tokens.*}).
 *
 * @param defaultLifetime the expiry the form suggests
 * @param maxLifetime     the longest expiry a user may choose (tokens always expire)
 * @param ssoSignInWindow how recent the last sign-in with the identity provider must be for the tokens of an account
 *                        that signs in with one to work: the provider decides who still works here, and a leaver
 *                        removed there never signs in again, so their tokens stop within this window even if no
 *                        portal administrator notices
 */
@ConfigurationProperties("portal.access-tokens")
record AccessTokenSettings(@DefaultValue("90d") Duration defaultLifetime, @DefaultValue("365d") Duration maxLifetime,
                           @DefaultValue("30d") Duration ssoSignInWindow) {

    AccessTokenSettings {
        if (defaultLifetime.compareTo(Duration.ofDays(1)) < 0 || defaultLifetime.compareTo(maxLifetime) > 0) {
            throw new IllegalArgumentException("portal.access-tokens.default-lifetime must be at least 1 day and at"
                    + " most portal.access-tokens.max-lifetime");
        }
        if (ssoSignInWindow.compareTo(Duration.ofHours(1)) < 0) {
            throw new IllegalArgumentException("portal.access-tokens.sso-sign-in-window must be at least 1 hour");
        }
    }
}
