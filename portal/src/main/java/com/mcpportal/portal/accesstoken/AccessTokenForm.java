package com.mcpportal.portal.accesstoken;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;

/**
 * The "new access token" form: a name, days until it expires, and the form's one-time request token (the same
 * form submitted twice issues one token).
 */
record AccessTokenForm(
        @NotBlank(message = "Enter a name, e.g. the script or machine that uses the token.")
        @Size(max = AccessTokens.MAX_NAME, message = "Use at most 60 characters.") String name,
        @NotNull(message = "Choose when the token expires.") Integer lifetimeDays,
        @Size(max = 64) @Nullable String requestToken) {

    static AccessTokenForm defaults(AccessTokenSettings settings) {
        return new AccessTokenForm("", (int) settings.defaultLifetime().toDays(), UUID.randomUUID().toString());
    }

    /** The request token, or null when the form came without one (a script posting the form by hand). */
    @Nullable String issueToken() {
        return requestToken == null || requestToken.isBlank() ? null : requestToken;
    }
}
