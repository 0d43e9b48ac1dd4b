package com.mcpportal.portal.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may sign in with a portal username and password ({@code portal.auth.local-sign-in}) once an identity provider
 * is configured: {@code everyone} (the default), or {@code admin-only}, which leaves the form to administrators as
 * the break-glass way in when the provider is down, so nobody else keeps a password the company's offboarding
 * does not reach.
 *
 * @param localSignIn who may use the sign-in form
 */
@ConfigurationProperties("portal.auth")
public record LocalSignInSettings(@DefaultValue("everyone") LocalSignIn localSignIn) {

    /** The two choices. */
    public enum LocalSignIn {
        EVERYONE,
        ADMIN_ONLY
    }

    boolean adminOnly() {
        return localSignIn == LocalSignIn.ADMIN_ONLY;
    }
}
