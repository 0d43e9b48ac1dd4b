package com.mcpportal.portal.security;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * OpenID Connect providers people may sign in with ({@code portal.oidc.providers.<id>.*}), beside the local accounts,
 * which stay as the break-glass way in. No provider configured: the login page is the local form alone.
 *
 * @param providers by id; the id names the provider in its links ({@code /oauth2/authorization/<id>}) and its
 *                  redirect URI ({@code <portal>/login/oauth2/code/<id>}), so lower-case letters, digits and dashes
 */
@ConfigurationProperties("portal.oidc")
public record OidcSettings(Map<String, Provider> providers) {

    static final String ID_PATTERN = "[a-z0-9][a-z0-9-]{0,49}";

    public OidcSettings {
        providers = providers == null ? Map.of() : new TreeMap<>(providers);
        providers.keySet().stream().filter(id -> !id.matches(ID_PATTERN)).findFirst().ifPresent(id -> {
            throw new IllegalArgumentException("portal.oidc.providers." + id + ": a provider id is 1 to 50 lower-case"
                    + " letters, digits and dashes (it is part of the redirect URI)");
        });
        providers.forEach((id, provider) -> provider.check(id));
    }

    /**
     * One provider.
     *
     * @param issuerUri     the issuer; its {@code /.well-known/openid-configuration} is read at the first sign-in
     *                      (not at start-up, so an unreachable provider never keeps the portal, and its local
     *                      accounts, from starting)
     * @param clientId      the portal's client id at the provider
     * @param clientSecret  its secret; none makes the portal a public client (PKCE alone). Either way the portal
     *                      sends a PKCE challenge, a {@code state} and a {@code nonce}, and checks them
     * @param scopes        asked for; {@code openid} must be among them
     * @param usernameClaim the ID token (or user info) claim that becomes the portal username of a new account
     * @param groupsClaim   the claim holding the user's groups, which team group mappings and the administrator
     *                      group are matched against at each sign-in
     * @param label         the sign-in button's text, "Sign in with …"; the id when unset
     * @param adminGroup    the group whose members are portal administrators, applied at each sign-in (leaving the
     *                      group takes the role away); unset: administrators are made on the users page only
     */
    public record Provider(URI issuerUri, String clientId, String clientSecret,
                           @DefaultValue({"openid", "profile", "email"}) List<String> scopes,
                           @DefaultValue("preferred_username") String usernameClaim,
                           @DefaultValue("groups") String groupsClaim,
                           String label, String adminGroup) {

        void check(String id) {
            String prefix = "portal.oidc.providers." + id + ".";
            if (issuerUri == null || !issuerUri.isAbsolute()) {
                throw new IllegalArgumentException(prefix + "issuer-uri is required: the provider's issuer URL,"
                        + " e.g. https://login.microsoftonline.com/<tenant>/v2.0");
            }
            if (clientId == null || clientId.isBlank()) {
                throw new IllegalArgumentException(prefix + "client-id is required");
            }
            if (!scopes.contains("openid")) {
                throw new IllegalArgumentException(prefix + "scopes must include openid");
            }
        }

        /** Whether the portal holds a secret for this client (a confidential client), or is a public one. */
        public boolean confidential() {
            return clientSecret != null && !clientSecret.isBlank();
        }

        /** The button's text after "Sign in with". */
        public String labelOr(String id) {
            return label == null || label.isBlank() ? id : label;
        }

        /** Never the secret: settings end up in logs and error messages. */
        @Override
        public String toString() {
            return "Provider[issuerUri=" + issuerUri + ", clientId=" + clientId + ", clientSecret="
                    + (confidential() ? "(set)" : "(none)") + ", scopes=" + scopes + ", usernameClaim="
                    + usernameClaim + ", groupsClaim=" + groupsClaim + ", label=" + label + ", adminGroup=" + adminGroup
                    + "]";
        }
    }
}
