package com.mcpportal.portal.user;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an OpenID Connect provider asserted about the person signing in, as the security feature hands it over after
 * checking the ID token (signature, issuer, audience, expiry, nonce).
 *
 * @param provider the configured provider's id
 * @param issuer   the ID token's {@code iss}
 * @param subject  its {@code sub}: with the issuer, the person's identity
 * @param username the configured username claim's value; only used to name a new account
 * @param email      the {@code email} claim, if any: recorded, never used to find an account
 * @param groups     the configured groups claim's values (none when the provider sent no such claim)
 * @param adminGroup the provider's portal-administrator group, if one is configured: membership in it makes the
 *                   account a portal administrator at this sign-in, its absence takes that away
 */
public record ExternalSignIn(String provider, String issuer, String subject, String username, @Nullable String email,
                             List<String> groups, @Nullable String adminGroup) {

    public ExternalSignIn {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** A sign-in that asserts no groups and has no administrator group. */
    public ExternalSignIn(String provider, String issuer, String subject, String username, @Nullable String email) {
        this(provider, issuer, subject, username, email, List.of(), null);
    }
}
