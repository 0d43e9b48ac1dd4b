package com.mcpportal.portal.accesstoken;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The "new access token" form: a name and days until it expires. */
record AccessTokenForm(
        @NotBlank(message = "Enter a name, e.g. the script or machine that uses the token.")
        @Size(max = AccessTokens.MAX_NAME, message = "Use at most 60 characters.") String name,
        @NotNull(message = "Choose when the token expires.") Integer lifetimeDays) {

    static AccessTokenForm defaults(AccessTokenSettings settings) {
        return new AccessTokenForm("", (int) settings.defaultLifetime().toDays());
    }
}
