package com.mcpportal.portal.user;

/**
 * What an OpenID Connect provider asserted about the person signing in, as the security feature hands it over after
 * checking the ID token (signature, issuer, audience, expiry, nonce).
 *
 * @param provider the configured provider's id
 * @param issuer   the ID token's {@code iss}
 * @param subject  its {@code sub}: with the issuer, the person's identity
 * @param username the configured username claim's value; only used to name a new account
 * @param email    the {@code email} claim, if any: recorded, never used to find an account
 */
public record ExternalSignIn(String provider, String issuer, String subject, String username, String email) {
}
