package com.mcpportal.portal.security;

import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The admin form for an identity provider. The client secret is write-only: blank on an edit keeps the stored one
 * (the page never shows it), {@code removeSecret} makes the portal a public client.
 */
record OidcProviderForm(
        @NotBlank(message = "Enter an id: lower-case letters, digits and dashes, e.g. entra.")
        @Pattern(regexp = OidcSettings.ID_PATTERN, message = "Use 1 to 50 lower-case letters, digits and dashes,"
                + " starting with a letter or digit: the id is part of the redirect URI.") String id,
        @NotBlank(message = "Enter the provider's issuer URL, e.g. https://login.microsoftonline.com/<tenant>/v2.0.")
        @Pattern(regexp = "https?://\\S+", message = "Enter an absolute http(s) URL, the issuer as the provider"
                + " publishes it.")
        @Size(max = 500, message = "Use at most 500 characters.") String issuerUri,
        @NotBlank(message = "Enter the portal's client id at the provider.")
        @Size(max = 255, message = "Use at most 255 characters.") String clientId,
        @Size(max = 500, message = "Use at most 500 characters.") String clientSecret,
        Boolean removeSecret,
        @NotBlank(message = "Enter the scopes, openid among them.")
        @Pattern(regexp = "(.*\\s)?openid(\\s.*)?", message = "The scopes must include openid.")
        @Size(max = 500, message = "Use at most 500 characters.") String scopes,
        @NotBlank(message = "Enter the claim that names a new account, e.g. preferred_username or email.")
        @Size(max = 100, message = "Use at most 100 characters.") String usernameClaim,
        @NotBlank(message = "Enter the claim that holds the groups, e.g. groups.")
        @Size(max = 100, message = "Use at most 100 characters.") String groupsClaim,
        @Size(max = 60, message = "Use at most 60 characters.") String label,
        @Size(max = 255, message = "Use at most 255 characters.") String adminGroup) {

    static OidcProviderForm empty() {
        return new OidcProviderForm("", "", "", "", false, "openid profile email", "preferred_username", "groups", "",
                "");
    }

    List<String> scopeList() {
        return Arrays.stream(scopes.strip().split("[\\s,]+")).filter(scope -> !scope.isEmpty()).distinct().toList();
    }

    /** Unchecked, the box sends nothing. */
    boolean removeStoredSecret() {
        return Boolean.TRUE.equals(removeSecret);
    }

    boolean newSecret() {
        return clientSecret != null && !clientSecret.isBlank();
    }
}
