package com.mcpportal.portal.security;

import java.util.Collection;
import java.util.List;

import com.mcpportal.portal.user.ExternalAccounts;
import com.mcpportal.portal.user.ExternalSignIn;
import com.mcpportal.portal.user.ExternalSignInRefusedException;
import com.mcpportal.portal.user.UserAccount;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Turns a provider's checked ID token (Spring Security has verified its signature, issuer, audience, expiry and
 * nonce, and the {@code state} of the answer) into the portal account linked to its issuer and subject, made at the
 * first sign-in ({@link ExternalAccounts}).
 */
@Component
class OidcAccounts implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService idTokenAndUserInfo = new OidcUserService();
    private final OidcProviders providers;
    private final ExternalAccounts accounts;

    OidcAccounts(OidcProviders providers, ExternalAccounts accounts) {
        this.providers = providers;
        this.accounts = accounts;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser person = idTokenAndUserInfo.loadUser(request);
        String providerId = request.getClientRegistration().getRegistrationId();
        // Deleted by an administrator while this person was at the provider: nothing to sign them in with.
        OidcSettings.Provider provider = providers.find(providerId).orElseThrow(() -> new OAuth2AuthenticationException(
                new OAuth2Error("provider_removed", "This sign-in provider was removed", null)));
        Object username = person.getAttributes().get(provider.usernameClaim());
        ExternalSignIn signIn = new ExternalSignIn(providerId, person.getIssuer().toString(), person.getSubject(),
                username instanceof String name ? name : null, person.getEmail(),
                groups(person.getAttributes().get(provider.groupsClaim())), provider.adminGroup());
        UserAccount account;
        try {
            account = accounts.signIn(signIn);
        }
        catch (ExternalSignInRefusedException refused) {
            throw new OAuth2AuthenticationException(new OAuth2Error(refused.reason().code(), refused.getMessage(),
                    null), refused.getMessage(), refused);
        }
        if (!account.isEnabled()) {
            throw new DisabledException("Account disabled");
        }
        return new OidcPortalUser(account.getId(), account.getUsername(), account.isAdmin(),
                account.getCredentialEpoch(), person.getIdToken(), person.getUserInfo());
    }

    /**
     * The groups claim as strings: providers send a list (Entra ID, Keycloak, Okta) or, for one group, sometimes a
     * single string; anything else counts as no groups, which ends the group grants of this provider.
     */
    static List<String> groups(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return claim instanceof String group ? List.of(group) : List.of();
    }
}
